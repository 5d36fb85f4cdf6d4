// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// AttestationsAttestation is an auto generated low-level Go binding around an user-defined struct.
type AttestationsAttestation struct {
	Auditor      common.Address
	Owner        common.Address
	Score        uint16
	IssuedAt     uint64
	ExpiresAt    uint64
	Revoked      bool
	ManifestHash [32]byte
	Schema       [32]byte
	ReportCID    string
}

// EscrowAccount is an auto generated low-level Go binding around an user-defined struct.
type EscrowAccount struct {
	Balance           *big.Int
	PendingWithdrawal *big.Int
	WithdrawableAt    *big.Int
}

// EscrowAllowance is an auto generated low-level Go binding around an user-defined struct.
type EscrowAllowance struct {
	MaxPricePerRequest uint64
	Budget             *big.Int
	Period             uint32
	Metered            bool
	Meter              common.Address
	PeriodStart        uint64
	MaxPerPeriod       *big.Int
	SpentInPeriod      *big.Int
}

// RegistryProvider is an auto generated low-level Go binding around an user-defined struct.
type RegistryProvider struct {
	Owner           common.Address
	PricePerRequest *big.Int
	Name            string
	Endpoint        string
	SealingKey      []byte
	MetadataCID     string
	Expires         uint64
}

// RewardsPoolEpoch is an auto generated low-level Go binding around an user-defined struct.
type RewardsPoolEpoch struct {
	Root     [32]byte
	Total    *big.Int
	Claimed  *big.Int
	Recycled bool
}

// StakeBond is an auto generated low-level Go binding around an user-defined struct.
type StakeBond struct {
	Amount       *big.Int
	Unbonding    *big.Int
	UnbondableAt *big.Int
}

// StakeReceipt is an auto generated low-level Go binding around an user-defined struct.
type StakeReceipt struct {
	FunctionHash [32]byte
	Payer        common.Address
	Mode         string
	Amount       *big.Int
	Cumulative   *big.Int
	RequestId    [32]byte
	RequestBody  [32]byte
	ResponseBody [32]byte
}

// AttestationsMetaData contains all meta data concerning the Attestations contract.
var AttestationsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"AlreadyRevoked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"BadNonce\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"InvalidField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"}],\"name\":\"InvalidScore\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"}],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"UnknownAttestation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"providerHash\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"Attested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"providerHash\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ATTESTATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_REPORT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SCORE\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_TTL\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"attest\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"attestSigned\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"attestationDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"latest\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"issuedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revoked\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"}],\"internalType\":\"structAttestations.Attestation\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"}],\"name\":\"valid\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "dffe32a33a17277ec60e904a515534f650",
	Bin: "0x6080604052348015600e575f5ffd5b50611abe8061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100c4575f3560e01c8063913a46de1161007d578063b9d90bfa11610058578063b9d90bfa146101c5578063ca9b8ebc146101d8578063e01b402d146101e0575f5ffd5b8063913a46de1461017f578063b89d8af414610192578063b989f80e146101a5575f5ffd5b806327ff6223116100ad57806327ff6223146101175780635af1ba02146101335780637ecebe0014610160575f5ffd5b806307090c1f146100c85780631ad4b65d14610102575b5f5ffd5b6100ef7ffaf4c51b6109d8458c62a16c41478478dcdfb2999fd317f1acf2ee391d9d0b1281565b6040519081526020015b60405180910390f35b6101156101103660046111e2565b6101ea565b005b61012061271081565b60405161ffff90911681526020016100f9565b610146610141366004611294565b610207565b60408051921515835261ffff9091166020830152016100f9565b6100ef61016e366004611306565b60016020525f908152604090205481565b61011561018d366004611326565b61034c565b6101156101a0366004611427565b610501565b6101b86101b3366004611524565b61067f565b6040516100f991906115a8565b6100ef6101d336600461167a565b6108a2565b6100ef608081565b6100ef62278d0081565b6101fc338a8a8a8a8a8a8a8a8a610a63565b505050505050505050565b5f5f5f5f5f6102748b8b8b60405161022092919061173c565b6040805191829003822073ffffffffffffffffffffffffffffffffffffffff939093166020808401919091528282019390935260608083018c90528151808403909101815260809092019052805191012090565b815260208101919091526040015f20805490915073ffffffffffffffffffffffffffffffffffffffff16158015906102bd5750600281015468010000000000000000900460ff16155b80156102d8575060028101544267ffffffffffffffff909116115b80156103005750600181015473ffffffffffffffffffffffffffffffffffffffff8781169116145b801561030f5750838160030154145b92508261031c575f61033e565b600181015474010000000000000000000000000000000000000000900461ffff165b915050965096945050505050565b5f838360405161035d92919061173c565b604051809103902090505f5f5f6103c13385876040805173ffffffffffffffffffffffffffffffffffffffff85166020820152908101839052606081018290525f906080016040516020818303038152906040528051906020012090509392505050565b815260208101919091526040015f20805490915073ffffffffffffffffffffffffffffffffffffffff1661043257338585856040517f91a485ff0000000000000000000000000000000000000000000000000000000081526004016104299493929190611774565b60405180910390fd5b600281015468010000000000000000900460ff161561048557338585856040517f3b9279b90000000000000000000000000000000000000000000000000000000081526004016104299493929190611774565b6002810180547fffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffff16680100000000000000001790556040518390839033907f9c97787f4fd88acbe35fbd5a07299de4c6ffb173754ef369772db88c01119343906104f2908a908a906117b4565b60405180910390a45050505050565b73ffffffffffffffffffffffffffffffffffffffff8c165f9081526001602052604090205482146105945773ffffffffffffffffffffffffffffffffffffffff8c165f81815260016020526040908190205490517fc56f17f50000000000000000000000000000000000000000000000000000000081526004810192909252602482015260448101839052606401610429565b5f6105a78c8c8c8c8c8c8c8c8c8c6108a2565b90505f5f6105b5838561102f565b5090925090505f8160038111156105ce576105ce6117c7565b14158061060757508e73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff1614155b1561065c578e6040517fd855c4f4000000000000000000000000000000000000000000000000000000008152600401610429919073ffffffffffffffffffffffffffffffffffffffff91909116815260200190565b61066e8f8f8f8f8f8f8f8f8f8f610a63565b505050505050505050505050505050565b60408051610120810182525f8082526020820181905291810182905260608082018390526080820183905260a0820183905260c0820183905260e08201929092526101008101919091525f5f6107338787876040516106df92919061173c565b6040805191829003822073ffffffffffffffffffffffffffffffffffffffff939093166020808401919091528282019390935260608083018990528151808403909101815260809092019052805191012090565b815260208082019290925260409081015f20815161012081018352815473ffffffffffffffffffffffffffffffffffffffff908116825260018301549081169482019490945274010000000000000000000000000000000000000000840461ffff169281019290925276010000000000000000000000000000000000000000000090920467ffffffffffffffff90811660608301526002830154908116608083015268010000000000000000900460ff16151560a0820152600382015460c0820152600482015460e082015260058201805491929161010084019190610818906117f4565b80601f0160208091040260200160405190810160405280929190818152602001828054610844906117f4565b801561088f5780601f106108665761010080835404028352916020019161088f565b820191905f5260205f20905b81548152906001019060200180831161087257829003601f168201915b5050505050815250509050949350505050565b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527fbf19eaff0d5c7b71c23a13b2717b63c6d98c95dd7532130979c7f03d8fa2354a918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a08201525f90819060c001604051602081830303815290604052805190602001209050610a53817ffaf4c51b6109d8458c62a16c41478478dcdfb2999fd317f1acf2ee391d9d0b128e8e60405161097a92919061173c565b60405180910390208d8d8d8d8d60405161099592919061173c565b60408051918290038220602083019790975281019490945273ffffffffffffffffffffffffffffffffffffffff9092166060840152608083015260a082015260c081019190915261ffff881660e082015267ffffffffffffffff8716610100820152610120810186905261014001604051602081830303815290604052805190602001206040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b9c9b505050505050505050505050565b5f889003610acd576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600860248201527f70726f76696465720000000000000000000000000000000000000000000000006044820152606401610429565b73ffffffffffffffffffffffffffffffffffffffff8716610b4a576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600560248201527f6f776e65720000000000000000000000000000000000000000000000000000006044820152606401610429565b84610bb1576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600c60248201527f6d616e69666573744861736800000000000000000000000000000000000000006044820152606401610429565b821580610bbe5750608083115b15610c25576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600960248201527f7265706f727443494400000000000000000000000000000000000000000000006044820152606401610429565b61271061ffff83161115610c6b576040517fd5c7261e00000000000000000000000000000000000000000000000000000000815261ffff83166004820152602401610429565b428167ffffffffffffffff16111580610c995750610c8c62278d0042611872565b8167ffffffffffffffff16115b15610cdc576040517f5e23ca6800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610429565b5f8989604051610ced92919061173c565b604080519182900390912073ffffffffffffffffffffffffffffffffffffffff8d165f908152600160205291822080549193509091610d2b8361188b565b91905055506040518061012001604052808c73ffffffffffffffffffffffffffffffffffffffff1681526020018973ffffffffffffffffffffffffffffffffffffffff1681526020018461ffff1681526020014267ffffffffffffffff1681526020018367ffffffffffffffff1681526020015f1515815260200187815260200188815260200186868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201829052509390945250909150819050610e458e858c6040805173ffffffffffffffffffffffffffffffffffffffff85166020820152908101839052606081018290525f906080016040516020818303038152906040528051906020012090509392505050565b815260208082019290925260409081015f20835181547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff91821617825592840151600182018054938601516060870151929095167fffffffffffffffffffff00000000000000000000000000000000000000000000909416939093177401000000000000000000000000000000000000000061ffff90951694909402939093177fffff0000000000000000ffffffffffffffffffffffffffffffffffffffffffff1676010000000000000000000000000000000000000000000067ffffffffffffffff9485160217909155608083015160028201805460a0860151929094167fffffffffffffffffffffffffffffffffffffffffffffff0000000000000000009094169390931768010000000000000000911515919091021790915560c0820151600382015560e082015160048201556101008201516005820190610fc09082611919565b5090505086818c73ffffffffffffffffffffffffffffffffffffffff167fb2bf3ba2ba99e9050c09dc04661d34d9a10437214217923e0b89b86490b11f308d8d8d8c8c8c8c8c60405161101a989796959493929190611a16565b60405180910390a45050505050505050505050565b5f5f5f8351604103611066576020840151604085015160608601515f1a61105888828585611078565b955095509550505050611071565b505081515f91506002905b9250925092565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411156110b157505f91506003905082611143565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015611102573d5f5f3e3d5ffd5b5050604051601f19015191505073ffffffffffffffffffffffffffffffffffffffff811661113a57505f925060019150829050611143565b92505f91508190505b9450945094915050565b5f5f83601f84011261115d575f5ffd5b50813567ffffffffffffffff811115611174575f5ffd5b60208301915083602082850101111561118b575f5ffd5b9250929050565b803573ffffffffffffffffffffffffffffffffffffffff811681146111b5575f5ffd5b919050565b803561ffff811681146111b5575f5ffd5b803567ffffffffffffffff811681146111b5575f5ffd5b5f5f5f5f5f5f5f5f5f60e08a8c0312156111fa575f5ffd5b893567ffffffffffffffff811115611210575f5ffd5b61121c8c828d0161114d565b909a50985061122f905060208b01611192565b965060408a0135955060608a0135945060808a013567ffffffffffffffff811115611258575f5ffd5b6112648c828d0161114d565b9095509350611277905060a08b016111ba565b915061128560c08b016111cb565b90509295985092959850929598565b5f5f5f5f5f5f60a087890312156112a9575f5ffd5b6112b287611192565b9550602087013567ffffffffffffffff8111156112cd575f5ffd5b6112d989828a0161114d565b90965094506112ec905060408801611192565b959894975092956060810135946080909101359350915050565b5f60208284031215611316575f5ffd5b61131f82611192565b9392505050565b5f5f5f60408486031215611338575f5ffd5b833567ffffffffffffffff81111561134e575f5ffd5b61135a8682870161114d565b909790965060209590950135949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b5f82601f8301126113aa575f5ffd5b813567ffffffffffffffff8111156113c4576113c461136e565b604051601f19603f601f19601f8501160116810181811067ffffffffffffffff821117156113f4576113f461136e565b60405281815283820160200185101561140b575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f5f5f5f5f5f5f5f5f6101408d8f031215611443575f5ffd5b61144c8d611192565b9b5067ffffffffffffffff60208e01351115611466575f5ffd5b6114768e60208f01358f0161114d565b909b50995061148760408e01611192565b985060608d0135975060808d0135965067ffffffffffffffff60a08e013511156114af575f5ffd5b6114bf8e60a08f01358f0161114d565b90965094506114d060c08e016111ba565b93506114de60e08e016111cb565b92506101008d0135915067ffffffffffffffff6101208e01351115611501575f5ffd5b6115128e6101208f01358f0161139b565b90509295989b509295989b509295989b565b5f5f5f5f60608587031215611537575f5ffd5b61154085611192565b9350602085013567ffffffffffffffff81111561155b575f5ffd5b6115678782880161114d565b9598909750949560400135949350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081526115cf60208201835173ffffffffffffffffffffffffffffffffffffffff169052565b5f60208301516115f7604084018273ffffffffffffffffffffffffffffffffffffffff169052565b50604083015161ffff8116606084015250606083015167ffffffffffffffff8116608084015250608083015167ffffffffffffffff811660a08401525060a083015180151560c08401525060c083015160e083015260e08301516101008301526101008301516101208084015261167261014084018261157a565b949350505050565b5f5f5f5f5f5f5f5f5f5f6101008b8d031215611694575f5ffd5b8a3567ffffffffffffffff8111156116aa575f5ffd5b6116b68d828e0161114d565b909b5099506116c9905060208c01611192565b975060408b0135965060608b0135955060808b013567ffffffffffffffff8111156116f2575f5ffd5b6116fe8d828e0161114d565b9096509450611711905060a08c016111ba565b925061171f60c08c016111cb565b91505f60e08c01359050809150509295989b9194979a5092959850565b818382375f9101908152919050565b81835281816020850137505f602082840101525f6020601f19601f840116840101905092915050565b73ffffffffffffffffffffffffffffffffffffffff85168152606060208201525f6117a360608301858761174b565b905082604083015295945050505050565b602081525f61167260208301848661174b565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b600181811c9082168061180857607f821691505b60208210810361183f577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8082018082111561188557611885611845565b92915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036118bb576118bb611845565b5060010190565b601f821115611914578282111561191457805f5260205f20601f840160051c60208510156118ed57505f5b90810190601f840160051c035f5b81811015611910575f838201556001016118fb565b5050505b505050565b815167ffffffffffffffff8111156119335761193361136e565b6119478161194184546117f4565b846118c2565b6020601f821160018114611998575f83156119625750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b178455611a0f565b5f84815260208120601f198516915b828110156119c757878501518255602094850194600190920191016119a7565b5084821015611a0357868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b60c081525f611a2960c083018a8c61174b565b73ffffffffffffffffffffffffffffffffffffffff891660208401528760408401528281036060840152611a5e81878961174b565b91505061ffff8416608083015267ffffffffffffffff831660a0830152999850505050505050505056fea264697066735822122068af3ba5751eb20d62bad6e2996cd80d328deab970ee3ab500eb0f37f47e424364736f6c63430008250033",
}

// Attestations is an auto generated Go binding around an Ethereum contract.
type Attestations struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Attestations) GetABI() abi.ABI {
	return c.abi
}

// NewAttestations creates a new instance of Attestations.
func NewAttestations() *Attestations {
	parsed, err := AttestationsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Attestations{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Attestations) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07090c1f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestations *Attestations) PackATTESTATIONTYPEHASH() []byte {
	enc, err := attestations.abi.Pack("ATTESTATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07090c1f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestations *Attestations) TryPackATTESTATIONTYPEHASH() ([]byte, error) {
	return attestations.abi.Pack("ATTESTATION_TYPEHASH")
}

// UnpackATTESTATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07090c1f.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestations *Attestations) UnpackATTESTATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := attestations.abi.Unpack("ATTESTATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXREPORTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca9b8ebc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_REPORT_LENGTH() view returns(uint256)
func (attestations *Attestations) PackMAXREPORTLENGTH() []byte {
	enc, err := attestations.abi.Pack("MAX_REPORT_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXREPORTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca9b8ebc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_REPORT_LENGTH() view returns(uint256)
func (attestations *Attestations) TryPackMAXREPORTLENGTH() ([]byte, error) {
	return attestations.abi.Pack("MAX_REPORT_LENGTH")
}

// UnpackMAXREPORTLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xca9b8ebc.
//
// Solidity: function MAX_REPORT_LENGTH() view returns(uint256)
func (attestations *Attestations) UnpackMAXREPORTLENGTH(data []byte) (*big.Int, error) {
	out, err := attestations.abi.Unpack("MAX_REPORT_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSCORE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27ff6223.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SCORE() view returns(uint16)
func (attestations *Attestations) PackMAXSCORE() []byte {
	enc, err := attestations.abi.Pack("MAX_SCORE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSCORE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27ff6223.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SCORE() view returns(uint16)
func (attestations *Attestations) TryPackMAXSCORE() ([]byte, error) {
	return attestations.abi.Pack("MAX_SCORE")
}

// UnpackMAXSCORE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27ff6223.
//
// Solidity: function MAX_SCORE() view returns(uint16)
func (attestations *Attestations) UnpackMAXSCORE(data []byte) (uint16, error) {
	out, err := attestations.abi.Unpack("MAX_SCORE", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackMAXTTL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe01b402d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_TTL() view returns(uint256)
func (attestations *Attestations) PackMAXTTL() []byte {
	enc, err := attestations.abi.Pack("MAX_TTL")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXTTL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe01b402d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_TTL() view returns(uint256)
func (attestations *Attestations) TryPackMAXTTL() ([]byte, error) {
	return attestations.abi.Pack("MAX_TTL")
}

// UnpackMAXTTL is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe01b402d.
//
// Solidity: function MAX_TTL() view returns(uint256)
func (attestations *Attestations) UnpackMAXTTL(data []byte) (*big.Int, error) {
	out, err := attestations.abi.Unpack("MAX_TTL", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ad4b65d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attest(string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt) returns()
func (attestations *Attestations) PackAttest(provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64) []byte {
	enc, err := attestations.abi.Pack("attest", provider, owner, schema, manifestHash, reportCID, score, expiresAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ad4b65d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attest(string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt) returns()
func (attestations *Attestations) TryPackAttest(provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64) ([]byte, error) {
	return attestations.abi.Pack("attest", provider, owner, schema, manifestHash, reportCID, score, expiresAt)
}

// PackAttestSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb89d8af4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestSigned(address auditor, string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce, bytes signature) returns()
func (attestations *Attestations) PackAttestSigned(auditor common.Address, provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int, signature []byte) []byte {
	enc, err := attestations.abi.Pack("attestSigned", auditor, provider, owner, schema, manifestHash, reportCID, score, expiresAt, nonce, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb89d8af4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestSigned(address auditor, string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce, bytes signature) returns()
func (attestations *Attestations) TryPackAttestSigned(auditor common.Address, provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int, signature []byte) ([]byte, error) {
	return attestations.abi.Pack("attestSigned", auditor, provider, owner, schema, manifestHash, reportCID, score, expiresAt, nonce, signature)
}

// PackAttestationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9d90bfa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationDigest(string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
func (attestations *Attestations) PackAttestationDigest(provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int) []byte {
	enc, err := attestations.abi.Pack("attestationDigest", provider, owner, schema, manifestHash, reportCID, score, expiresAt, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9d90bfa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationDigest(string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
func (attestations *Attestations) TryPackAttestationDigest(provider string, owner common.Address, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int) ([]byte, error) {
	return attestations.abi.Pack("attestationDigest", provider, owner, schema, manifestHash, reportCID, score, expiresAt, nonce)
}

// UnpackAttestationDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb9d90bfa.
//
// Solidity: function attestationDigest(string provider, address owner, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
func (attestations *Attestations) UnpackAttestationDigest(data []byte) ([32]byte, error) {
	out, err := attestations.abi.Unpack("attestationDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb989f80e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
func (attestations *Attestations) PackLatest(auditor common.Address, provider string, schema [32]byte) []byte {
	enc, err := attestations.abi.Pack("latest", auditor, provider, schema)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb989f80e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
func (attestations *Attestations) TryPackLatest(auditor common.Address, provider string, schema [32]byte) ([]byte, error) {
	return attestations.abi.Pack("latest", auditor, provider, schema)
}

// UnpackLatest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb989f80e.
//
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
func (attestations *Attestations) UnpackLatest(data []byte) (AttestationsAttestation, error) {
	out, err := attestations.abi.Unpack("latest", data)
	if err != nil {
		return *new(AttestationsAttestation), err
	}
	out0 := *abi.ConvertType(out[0], new(AttestationsAttestation)).(*AttestationsAttestation)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address auditor) view returns(uint256)
func (attestations *Attestations) PackNonces(auditor common.Address) []byte {
	enc, err := attestations.abi.Pack("nonces", auditor)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address auditor) view returns(uint256)
func (attestations *Attestations) TryPackNonces(auditor common.Address) ([]byte, error) {
	return attestations.abi.Pack("nonces", auditor)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address auditor) view returns(uint256)
func (attestations *Attestations) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := attestations.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x913a46de.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(string provider, bytes32 schema) returns()
func (attestations *Attestations) PackRevoke(provider string, schema [32]byte) []byte {
	enc, err := attestations.abi.Pack("revoke", provider, schema)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x913a46de.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(string provider, bytes32 schema) returns()
func (attestations *Attestations) TryPackRevoke(provider string, schema [32]byte) ([]byte, error) {
	return attestations.abi.Pack("revoke", provider, schema)
}

// PackValid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5af1ba02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function valid(address auditor, string provider, address owner, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
func (attestations *Attestations) PackValid(auditor common.Address, provider string, owner common.Address, schema [32]byte, manifestHash [32]byte) []byte {
	enc, err := attestations.abi.Pack("valid", auditor, provider, owner, schema, manifestHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5af1ba02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function valid(address auditor, string provider, address owner, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
func (attestations *Attestations) TryPackValid(auditor common.Address, provider string, owner common.Address, schema [32]byte, manifestHash [32]byte) ([]byte, error) {
	return attestations.abi.Pack("valid", auditor, provider, owner, schema, manifestHash)
}

// ValidOutput serves as a container for the return parameters of contract
// method Valid.
type ValidOutput struct {
	Ok    bool
	Score uint16
}

// UnpackValid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5af1ba02.
//
// Solidity: function valid(address auditor, string provider, address owner, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
func (attestations *Attestations) UnpackValid(data []byte) (ValidOutput, error) {
	out, err := attestations.abi.Unpack("valid", data)
	outstruct := new(ValidOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Ok = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Score = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	return *outstruct, nil
}

// AttestationsAttested represents a Attested event raised by the Attestations contract.
type AttestationsAttested struct {
	Auditor      common.Address
	ProviderHash [32]byte
	Schema       [32]byte
	Provider     string
	Owner        common.Address
	ManifestHash [32]byte
	ReportCID    string
	Score        uint16
	ExpiresAt    uint64
	Raw          *types.Log // Blockchain specific contextual infos
}

const AttestationsAttestedEventName = "Attested"

// ContractEventName returns the user-defined event name.
func (AttestationsAttested) ContractEventName() string {
	return AttestationsAttestedEventName
}

// UnpackAttestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Attested(address indexed auditor, bytes32 indexed providerHash, bytes32 indexed schema, string provider, address owner, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt)
func (attestations *Attestations) UnpackAttestedEvent(log *types.Log) (*AttestationsAttested, error) {
	event := "Attested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestations.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationsAttested)
	if len(log.Data) > 0 {
		if err := attestations.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestations.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AttestationsRevoked represents a Revoked event raised by the Attestations contract.
type AttestationsRevoked struct {
	Auditor      common.Address
	ProviderHash [32]byte
	Schema       [32]byte
	Provider     string
	Raw          *types.Log // Blockchain specific contextual infos
}

const AttestationsRevokedEventName = "Revoked"

// ContractEventName returns the user-defined event name.
func (AttestationsRevoked) ContractEventName() string {
	return AttestationsRevokedEventName
}

// UnpackRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Revoked(address indexed auditor, bytes32 indexed providerHash, bytes32 indexed schema, string provider)
func (attestations *Attestations) UnpackRevokedEvent(log *types.Log) (*AttestationsRevoked, error) {
	event := "Revoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestations.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationsRevoked)
	if len(log.Data) > 0 {
		if err := attestations.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestations.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (attestations *Attestations) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], attestations.abi.Errors["AlreadyRevoked"].ID.Bytes()[:4]) {
		return attestations.UnpackAlreadyRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["BadNonce"].ID.Bytes()[:4]) {
		return attestations.UnpackBadNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["InvalidExpiry"].ID.Bytes()[:4]) {
		return attestations.UnpackInvalidExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["InvalidField"].ID.Bytes()[:4]) {
		return attestations.UnpackInvalidFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["InvalidScore"].ID.Bytes()[:4]) {
		return attestations.UnpackInvalidScoreError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return attestations.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestations.abi.Errors["UnknownAttestation"].ID.Bytes()[:4]) {
		return attestations.UnpackUnknownAttestationError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AttestationsAlreadyRevoked represents a AlreadyRevoked error raised by the Attestations contract.
type AttestationsAlreadyRevoked struct {
	Auditor  common.Address
	Provider string
	Schema   [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRevoked(address auditor, string provider, bytes32 schema)
func AttestationsAlreadyRevokedErrorID() common.Hash {
	return common.HexToHash("0x3b9279b96dfa45abb2a87a0a4a0454766f9546a9ed6c21cf0e8aab74665f382b")
}

// UnpackAlreadyRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRevoked(address auditor, string provider, bytes32 schema)
func (attestations *Attestations) UnpackAlreadyRevokedError(raw []byte) (*AttestationsAlreadyRevoked, error) {
	out := new(AttestationsAlreadyRevoked)
	if err := attestations.abi.UnpackIntoInterface(out, "AlreadyRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsBadNonce represents a BadNonce error raised by the Attestations contract.
type AttestationsBadNonce struct {
	Auditor  common.Address
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadNonce(address auditor, uint256 expected, uint256 got)
func AttestationsBadNonceErrorID() common.Hash {
	return common.HexToHash("0xc56f17f52bf0ec510e45bb37c8455549bd9965e32399aca663425554d6f75ee3")
}

// UnpackBadNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadNonce(address auditor, uint256 expected, uint256 got)
func (attestations *Attestations) UnpackBadNonceError(raw []byte) (*AttestationsBadNonce, error) {
	out := new(AttestationsBadNonce)
	if err := attestations.abi.UnpackIntoInterface(out, "BadNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsInvalidExpiry represents a InvalidExpiry error raised by the Attestations contract.
type AttestationsInvalidExpiry struct {
	ExpiresAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidExpiry(uint64 expiresAt)
func AttestationsInvalidExpiryErrorID() common.Hash {
	return common.HexToHash("0x5e23ca683077152b568d5a6c78751d1308cfbbc7c308cb1322afc05c1541512f")
}

// UnpackInvalidExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidExpiry(uint64 expiresAt)
func (attestations *Attestations) UnpackInvalidExpiryError(raw []byte) (*AttestationsInvalidExpiry, error) {
	out := new(AttestationsInvalidExpiry)
	if err := attestations.abi.UnpackIntoInterface(out, "InvalidExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsInvalidField represents a InvalidField error raised by the Attestations contract.
type AttestationsInvalidField struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidField(string field)
func AttestationsInvalidFieldErrorID() common.Hash {
	return common.HexToHash("0x2f0f75dd0a6025df1a18565ad5c65c49cf15bf6cc49f5167c56d7e4b02d61d6e")
}

// UnpackInvalidFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidField(string field)
func (attestations *Attestations) UnpackInvalidFieldError(raw []byte) (*AttestationsInvalidField, error) {
	out := new(AttestationsInvalidField)
	if err := attestations.abi.UnpackIntoInterface(out, "InvalidField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsInvalidScore represents a InvalidScore error raised by the Attestations contract.
type AttestationsInvalidScore struct {
	Score uint16
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidScore(uint16 score)
func AttestationsInvalidScoreErrorID() common.Hash {
	return common.HexToHash("0xd5c7261e1e8feb9ab889ae642e98de8c55e8fda0c47df6b72081110c5749217f")
}

// UnpackInvalidScoreError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidScore(uint16 score)
func (attestations *Attestations) UnpackInvalidScoreError(raw []byte) (*AttestationsInvalidScore, error) {
	out := new(AttestationsInvalidScore)
	if err := attestations.abi.UnpackIntoInterface(out, "InvalidScore", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsInvalidSignature represents a InvalidSignature error raised by the Attestations contract.
type AttestationsInvalidSignature struct {
	Auditor common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(address auditor)
func AttestationsInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xd855c4f4d7a9aef9d1b6f49c25339cf5cd471e30830c8071f7b5024985e5abcd")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(address auditor)
func (attestations *Attestations) UnpackInvalidSignatureError(raw []byte) (*AttestationsInvalidSignature, error) {
	out := new(AttestationsInvalidSignature)
	if err := attestations.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationsUnknownAttestation represents a UnknownAttestation error raised by the Attestations contract.
type AttestationsUnknownAttestation struct {
	Auditor  common.Address
	Provider string
	Schema   [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownAttestation(address auditor, string provider, bytes32 schema)
func AttestationsUnknownAttestationErrorID() common.Hash {
	return common.HexToHash("0x91a485ffa755ac19bfae5c20ec4f71f6ab2d7c950a891f0ab0df1693b5dbc5cd")
}

// UnpackUnknownAttestationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownAttestation(address auditor, string provider, bytes32 schema)
func (attestations *Attestations) UnpackUnknownAttestationError(raw []byte) (*AttestationsUnknownAttestation, error) {
	out := new(AttestationsUnknownAttestation)
	if err := attestations.abi.UnpackIntoInterface(out, "UnknownAttestation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CreditsMetaData contains all meta data concerning the Credits contract.
var CreditsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"sink\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"left\",\"type\":\"uint256\"}],\"name\":\"InsufficientCredits\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Granted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"left\",\"type\":\"uint256\"}],\"name\":\"Spent\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"SINK\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"}],\"name\":\"credits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"grant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"spend\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"}],\"name\":\"spent\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "3435ed6dd98cf1ce0cc80e7db2974ab994",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161089f38038061089f83398101604081905261002e91610097565b6001600160a01b038216158061004b57506001600160a01b038116155b156100695760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b039182166080521660a0526100cf565b6001600160a01b0381168114610094575f5ffd5b50565b5f5f604083850312156100a8575f5ffd5b82516100b381610080565b60208401519092506100c481610080565b809150509250929050565b60805160a05161079b6101045f395f818161013d015261048e01525f818160f1015281816102b9015261046c015261079b5ff3fe608060405234801561000f575f5ffd5b506004361061006f575f3560e01c806382bfefc81161004d57806382bfefc8146100ec578063ae9fc20514610138578063af7d6ca31461015f575f5ffd5b80636370920e14610073578063637cd7f0146100885780637edf9fdf146100c2575b5f5ffd5b6100866100813660046106b3565b610172565b005b6100af6100963660046106db565b5f60208181529281526040808220909352908152205481565b6040519081526020015b60405180910390f35b6100af6100d03660046106db565b600160209081525f928352604080842090915290825290205481565b6101137f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016100b9565b6101137f000000000000000000000000000000000000000000000000000000000000000081565b61008661016d3660046106b3565b6102e6565b805f036101ab576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff82166101f8576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526020818152604080832073ffffffffffffffffffffffffffffffffffffffff86168452909152812054610231908390610739565b335f8181526020818152604080832073ffffffffffffffffffffffffffffffffffffffff891680855290835292819020859055805187815291820185905293945090927ffce7edb911fc03f29bc29d65e85b5c438933c642e54bb0916eeab4b25b9b201b910160405180910390a36102e173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163330856104b3565b505050565b805f0361031f576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8616845290915290205480821115610396576040517f685c537000000000000000000000000000000000000000000000000000000000815260048101839052602481018290526044015b60405180910390fd5b6103a08282610752565b335f8181526020818152604080832073ffffffffffffffffffffffffffffffffffffffff891680855290835281842086905593835260018252808320938352929052908120805492935084929091906103fa908490610739565b9091555050604080518381526020810183905273ffffffffffffffffffffffffffffffffffffffff85169133917faeffc5ea3d8583ca1274d444d4fa0abe1cac06484d7ab8ad13636382677bcd83910160405180910390a36102e173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000167f000000000000000000000000000000000000000000000000000000000000000084610515565b6104c1848484846001610570565b61050f576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8516600482015260240161038d565b50505050565b6105228383836001610603565b6102e1576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416600482015260240161038d565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f511483166105f25783831516156105e6573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f5114831661067f578383151615610673573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b803573ffffffffffffffffffffffffffffffffffffffff811681146106ae575f5ffd5b919050565b5f5f604083850312156106c4575f5ffd5b6106cd8361068b565b946020939093013593505050565b5f5f604083850312156106ec575f5ffd5b6106f58361068b565b91506107036020840161068b565b90509250929050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8082018082111561074c5761074c61070c565b92915050565b8181038181111561074c5761074c61070c56fea2646970667358221220f1f0b78cf24a7f67b602c602542fa27579f40307ae49ac32662323851458a38764736f6c63430008250033",
}

// Credits is an auto generated Go binding around an Ethereum contract.
type Credits struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Credits) GetABI() abi.ABI {
	return c.abi
}

// NewCredits creates a new instance of Credits.
func NewCredits() *Credits {
	parsed, err := CreditsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Credits{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Credits) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token, address sink) returns()
func (credits *Credits) PackConstructor(token common.Address, sink common.Address) []byte {
	enc, err := credits.abi.Pack("", token, sink)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackSINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae9fc205.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SINK() view returns(address)
func (credits *Credits) PackSINK() []byte {
	enc, err := credits.abi.Pack("SINK")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae9fc205.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SINK() view returns(address)
func (credits *Credits) TryPackSINK() ([]byte, error) {
	return credits.abi.Pack("SINK")
}

// UnpackSINK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xae9fc205.
//
// Solidity: function SINK() view returns(address)
func (credits *Credits) UnpackSINK(data []byte) (common.Address, error) {
	out, err := credits.abi.Unpack("SINK", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TOKEN() view returns(address)
func (credits *Credits) PackTOKEN() []byte {
	enc, err := credits.abi.Pack("TOKEN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TOKEN() view returns(address)
func (credits *Credits) TryPackTOKEN() ([]byte, error) {
	return credits.abi.Pack("TOKEN")
}

// UnpackTOKEN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x82bfefc8.
//
// Solidity: function TOKEN() view returns(address)
func (credits *Credits) UnpackTOKEN(data []byte) (common.Address, error) {
	out, err := credits.abi.Unpack("TOKEN", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackCredits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x637cd7f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function credits(address provider, address user) view returns(uint256)
func (credits *Credits) PackCredits(provider common.Address, user common.Address) []byte {
	enc, err := credits.abi.Pack("credits", provider, user)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCredits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x637cd7f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function credits(address provider, address user) view returns(uint256)
func (credits *Credits) TryPackCredits(provider common.Address, user common.Address) ([]byte, error) {
	return credits.abi.Pack("credits", provider, user)
}

// UnpackCredits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x637cd7f0.
//
// Solidity: function credits(address provider, address user) view returns(uint256)
func (credits *Credits) UnpackCredits(data []byte) (*big.Int, error) {
	out, err := credits.abi.Unpack("credits", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6370920e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grant(address user, uint256 amount) returns()
func (credits *Credits) PackGrant(user common.Address, amount *big.Int) []byte {
	enc, err := credits.abi.Pack("grant", user, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6370920e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grant(address user, uint256 amount) returns()
func (credits *Credits) TryPackGrant(user common.Address, amount *big.Int) ([]byte, error) {
	return credits.abi.Pack("grant", user, amount)
}

// PackSpend is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf7d6ca3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function spend(address user, uint256 amount) returns()
func (credits *Credits) PackSpend(user common.Address, amount *big.Int) []byte {
	enc, err := credits.abi.Pack("spend", user, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSpend is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf7d6ca3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function spend(address user, uint256 amount) returns()
func (credits *Credits) TryPackSpend(user common.Address, amount *big.Int) ([]byte, error) {
	return credits.abi.Pack("spend", user, amount)
}

// PackSpent is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7edf9fdf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function spent(address provider, address user) view returns(uint256)
func (credits *Credits) PackSpent(provider common.Address, user common.Address) []byte {
	enc, err := credits.abi.Pack("spent", provider, user)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSpent is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7edf9fdf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function spent(address provider, address user) view returns(uint256)
func (credits *Credits) TryPackSpent(provider common.Address, user common.Address) ([]byte, error) {
	return credits.abi.Pack("spent", provider, user)
}

// UnpackSpent is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7edf9fdf.
//
// Solidity: function spent(address provider, address user) view returns(uint256)
func (credits *Credits) UnpackSpent(data []byte) (*big.Int, error) {
	out, err := credits.abi.Unpack("spent", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// CreditsGranted represents a Granted event raised by the Credits contract.
type CreditsGranted struct {
	Provider common.Address
	User     common.Address
	Amount   *big.Int
	Total    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const CreditsGrantedEventName = "Granted"

// ContractEventName returns the user-defined event name.
func (CreditsGranted) ContractEventName() string {
	return CreditsGrantedEventName
}

// UnpackGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Granted(address indexed provider, address indexed user, uint256 amount, uint256 total)
func (credits *Credits) UnpackGrantedEvent(log *types.Log) (*CreditsGranted, error) {
	event := "Granted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != credits.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CreditsGranted)
	if len(log.Data) > 0 {
		if err := credits.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range credits.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// CreditsSpent represents a Spent event raised by the Credits contract.
type CreditsSpent struct {
	Provider common.Address
	User     common.Address
	Amount   *big.Int
	Left     *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const CreditsSpentEventName = "Spent"

// ContractEventName returns the user-defined event name.
func (CreditsSpent) ContractEventName() string {
	return CreditsSpentEventName
}

// UnpackSpentEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Spent(address indexed provider, address indexed user, uint256 amount, uint256 left)
func (credits *Credits) UnpackSpentEvent(log *types.Log) (*CreditsSpent, error) {
	event := "Spent"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != credits.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CreditsSpent)
	if len(log.Data) > 0 {
		if err := credits.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range credits.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (credits *Credits) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], credits.abi.Errors["InsufficientCredits"].ID.Bytes()[:4]) {
		return credits.UnpackInsufficientCreditsError(raw[4:])
	}
	if bytes.Equal(raw[:4], credits.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return credits.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], credits.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return credits.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], credits.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return credits.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// CreditsInsufficientCredits represents a InsufficientCredits error raised by the Credits contract.
type CreditsInsufficientCredits struct {
	Amount *big.Int
	Left   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientCredits(uint256 amount, uint256 left)
func CreditsInsufficientCreditsErrorID() common.Hash {
	return common.HexToHash("0x685c5370da7577beff7e538cd55cfc87831abe274b0ac7f4e8b7e9b84446e431")
}

// UnpackInsufficientCreditsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientCredits(uint256 amount, uint256 left)
func (credits *Credits) UnpackInsufficientCreditsError(raw []byte) (*CreditsInsufficientCredits, error) {
	out := new(CreditsInsufficientCredits)
	if err := credits.abi.UnpackIntoInterface(out, "InsufficientCredits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CreditsSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Credits contract.
type CreditsSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func CreditsSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (credits *Credits) UnpackSafeERC20FailedOperationError(raw []byte) (*CreditsSafeERC20FailedOperation, error) {
	out := new(CreditsSafeERC20FailedOperation)
	if err := credits.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CreditsZeroAddress represents a ZeroAddress error raised by the Credits contract.
type CreditsZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func CreditsZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (credits *Credits) UnpackZeroAddressError(raw []byte) (*CreditsZeroAddress, error) {
	out := new(CreditsZeroAddress)
	if err := credits.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CreditsZeroAmount represents a ZeroAmount error raised by the Credits contract.
type CreditsZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func CreditsZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (credits *Credits) UnpackZeroAmountError(raw []byte) (*CreditsZeroAmount, error) {
	out := new(CreditsZeroAmount)
	if err := credits.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowMetaData contains all meta data concerning the Escrow contract.
var EscrowMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"withdrawDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"feeSink\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"budget\",\"type\":\"uint256\"}],\"name\":\"BudgetExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"sink\",\"type\":\"address\"}],\"name\":\"InvalidFee\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"InvalidMeterSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPeriod\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"InvalidVoucherSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"MeterCountExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"MeterRequired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoWithdrawalRequested\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NotApproved\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotMetered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"left\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"renewsAt\",\"type\":\"uint256\"}],\"name\":\"PeriodCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"PriceCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"}],\"name\":\"VoucherAlreadyRedeemed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"}],\"name\":\"VoucherCeilingExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"VoucherExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"Approved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"VoucherRedeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"WithdrawalCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"FEE_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"FEE_SINK\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_FEE_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"METER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOUCHER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"WITHDRAW_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"accountOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingWithdrawal\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Account\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"allowanceOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"metered\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"periodStart\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"spentInPeriod\",\"type\":\"uint128\"}],\"internalType\":\"structEscrow.Allowance\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"depositFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"feesPaid\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"meterDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"metered\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"redeemVoucher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"redeemed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"requestWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"meteredCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"settleMetered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"}],\"name\":\"voucherDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "2f94a71a81b891298d0576b3849a4b1892",
	Bin: "0x6101e0604052348015610010575f5ffd5b50604051612a68380380612a6883398101604081905261002f9161022e565b6040518060400160405280601381526020017f57656246756e6374696f6e7320457363726f7700000000000000000000000000815250604051806040016040528060018152602001603160f81b81525061008e826101da60201b60201c565b6101205261009b816101da565b61014052815160208084019190912060e052815190820120610100524660a05261012760e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b0384166101575760405163d92e233d60e01b815260040160405180910390fd5b6103e861ffff8316118061017a575061ffff8216156001600160a01b0382161514155b156101b25760405163e1fe5a4360e01b815261ffff831660048201526001600160a01b03821660248201526044015b60405180910390fd5b6001600160a01b03938416610160526101809290925261ffff166101a052166101c0526102e1565b5f5f829050601f81511115610204578260405163305a27a960e01b81526004016101a99190610286565b805161020f826102bb565b179392505050565b6001600160a01b038116811461022b575f5ffd5b50565b5f5f5f5f60808587031215610241575f5ffd5b845161024c81610217565b60208601516040870151919550935061ffff8116811461026a575f5ffd5b606086015190925061027b81610217565b939692955090935050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156102db575f198160200360031b1b821691505b50919050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c0516126dd61038b5f395f81816101fd015261156a01525f81816103f201526114c501525f81816101c30152610b7801525f818161032b01528181610ab7015281816115480152818161159e0152611a9401525f611b3c01525f611b1101525f611c8001525f611c5801525f611bb301525f611bdd01525f611c0701526126dd5ff3fe608060405234801561000f575f5ffd5b50600436106101a5575f3560e01c806384b0196e116100e8578063bf333f2c11610093578063d55be8c61161006e578063d55be8c614610464578063ddb798191461046d578063ecb4b5dd14610480578063f698da2514610493575f5ffd5b8063bf333f2c146103ed578063c33313ef14610427578063cf6971df14610451575f5ffd5b806394739e87116100c357806394739e8714610383578063b69d4294146103aa578063b6b55f25146103da575f5ffd5b806384b0196e1461034d57806384b768241461036857806393c2057114610370575f5ffd5b80633ccfd60b1161015357806374a8f1031161012e57806374a8f103146102bf578063799ecb34146102d25780638086b8ba146102f157806382bfefc814610326575f5ffd5b80633ccfd60b1461027d5780634270e64414610285578063745400c9146102ac575f5ffd5b80631a46ec82116101835780631a46ec82146102375780631c1051d5146102575780632f4f21e21461026a575f5ffd5b806304facebd146101a95780630d5e5fff146101be57806312bb5fd4146101f8575b5f5ffd5b6101bc6101b73660046120a8565b61049b565b005b6101e57f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b61021f7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016101ef565b61024a61024536600461211d565b610671565b6040516101ef919061214e565b6101bc610265366004612240565b6107c8565b6101bc6102783660046122b3565b61095a565b6101bc6109a8565b6101e57f1468b7460e4fd2df1119e598d084ea5e3a235b0c526161c56d0c1fd128b63b5881565b6101bc6102ba3660046122db565b610ae3565b6101bc6102cd3660046122f2565b610bee565b6101e56102e03660046122f2565b60066020525f908152604090205481565b6103046102ff3660046122f2565b610c91565b60408051825181526020808401519082015291810151908201526060016101ef565b61021f7f000000000000000000000000000000000000000000000000000000000000000081565b610355610cf3565b6040516101ef979695949392919061235e565b6101bc610d51565b6101bc61037e366004612410565b610dd7565b6101e57f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c4081565b6101e56103b836600461244a565b600560209081525f938452604080852082529284528284209052825290205481565b6101bc6103e83660046122db565b610e63565b6104147f000000000000000000000000000000000000000000000000000000000000000081565b60405161ffff90911681526020016101ef565b6101e561043536600461211d565b600460209081525f928352604080842090915290825290205481565b6101bc61045f3660046124a9565b610e70565b6104146103e881565b6101e561047b366004612523565b6112e6565b6101e561048e36600461256c565b61136e565b6101e56113cf565b844211156104dd576040517f07185d51000000000000000000000000000000000000000000000000000000008152600481018690526024015b60405180910390fd5b85831115610521576040517fb18b6b8e00000000000000000000000000000000000000000000000000000000815260048101849052602481018790526044016104d4565b6001600160a01b0387165f908152600460209081526040808320338452909152902054808411610587576040517f4d5a0ae600000000000000000000000000000000000000000000000000000000815260048101859052602481018290526044016104d4565b5f61059589338a8a8a6112e6565b90506105a3898286866113dd565b6105e4576040517f525f7ecc0000000000000000000000000000000000000000000000000000000081526001600160a01b038a1660048201526024016104d4565b5f6105ef83876125c2565b90506105fb8a82611451565b6001600160a01b038a165f81815260046020908152604080832033808552908352928190208a905580518a81529182018590529192917f9db0a66aa46bb6f041470363acd5ff2697b4de257f62ccbe1070ec0cf2fb8ab4910160405180910390a3610665816114c0565b50505050505050505050565b60408051610100810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e0810191909152506001600160a01b038083165f9081526003602090815260408083208585168452825291829020825161010081018452815467ffffffffffffffff80821683526fffffffffffffffffffffffffffffffff68010000000000000000830481169584019590955263ffffffff78010000000000000000000000000000000000000000000000008304169583019590955260ff7c01000000000000000000000000000000000000000000000000000000009091041615156060820152600182015494851660808201527401000000000000000000000000000000000000000090940490921660a084015260029091015480821660c084015270010000000000000000000000000000000090041660e08201525b92915050565b5f6107d2876115c5565b80549091507c0100000000000000000000000000000000000000000000000000000000900460ff16610830576040517fcb514bab00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60018101546001600160a01b038881165f9081526005602090815260408083203384528252808320939094168083529290529182205490919061087e9067ffffffffffffffff8a16906125d5565b9050858111156108c4576040517f37ece25200000000000000000000000000000000000000000000000000000000815260048101829052602481018790526044016104d4565b5f6108d08a338961136e565b90506108de838288886113dd565b61091f576040517fa8bf0f5c0000000000000000000000000000000000000000000000000000000081526001600160a01b03841660048201526024016104d4565b6001600160a01b03808b165f9081526005602090815260408083203384528252808320938716835292905220829055610665848b8b8b611645565b6001600160a01b03821661099a576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6109a482826119e2565b5050565b335f908152600260205260408120600181015490918190036109f6576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8160020154421015610a3c5781600201546040517f581a27f00000000000000000000000000000000000000000000000000000000081526004016104d491815260200190565b81545f908210610a4d578254610a4f565b815b905080835f015f828254610a6391906125c2565b90915550505f60018401819055600284015560405181815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a2610ade6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163383611abc565b505050565b805f03610b1c576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526002602052604090208054821115610b725780546040517fcf4791810000000000000000000000000000000000000000000000000000000081526104d4918491600401918252602082015260400190565b5f610b9d7f0000000000000000000000000000000000000000000000000000000000000000426125d5565b6001830184905560028301819055604080518581526020810183905291925033917f24b91f4f47caf44230a57777a9be744924e82bf666f2d5702faf97df35e60f9f910160405180910390a2505050565b335f8181526003602090815260408083206001600160a01b038616808552925280832080547fffffff00000000000000000000000000000000000000000000000000000000001681556001810180547fffffffff00000000000000000000000000000000000000000000000000000000169055600201839055519092917fc336937d058cc0fc95b7491390ffcf122da8cf400512d9714a76f644aa8955b791a350565b610cb260405180606001604052805f81526020015f81526020015f81525090565b506001600160a01b03165f90815260026020818152604092839020835160608101855281548152600182015492810192909252909101549181019190915290565b5f6060805f5f5f6060610d04611b0a565b610d0c611b35565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b335f9081526002602052604081206001810154909103610d9d576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f600182018190556002820181905560405133917fc51fdb96728de385ec7859819e3997bc618362ef0dbca0ad051d856866cda3db91a250565b5f610de1846115c5565b80549091507c0100000000000000000000000000000000000000000000000000000000900460ff1615610e515760018101546040517f4b089f4c0000000000000000000000000000000000000000000000000000000081526001600160a01b0390911660048201526024016104d4565b610e5d81858585611645565b50505050565b610e6d33826119e2565b50565b6001600160a01b038616610eb0576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6fffffffffffffffffffffffffffffffff83161563ffffffff83161514610f03576040517f17479ac800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526003602090815260408083206001600160a01b038a1684529091528120908063ffffffff851615610fc257825463ffffffff86811678010000000000000000000000000000000000000000000000009092041614610f6757425f610fbc565b600183015460028401547401000000000000000000000000000000000000000090910467ffffffffffffffff169070010000000000000000000000000000000090046fffffffffffffffffffffffffffffffff165b90925090505b6040518061010001604052808967ffffffffffffffff168152602001886fffffffffffffffffffffffffffffffff1681526020018663ffffffff1681526020015f6001600160a01b0316866001600160a01b0316141515158152602001856001600160a01b031681526020018367ffffffffffffffff168152602001876fffffffffffffffffffffffffffffffff168152602001826fffffffffffffffffffffffffffffffff1681525060035f336001600160a01b03166001600160a01b031681526020019081526020015f205f8b6001600160a01b03166001600160a01b031681526020019081526020015f205f820151815f015f6101000a81548167ffffffffffffffff021916908367ffffffffffffffff1602179055506020820151815f0160086101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff1602179055506040820151815f0160186101000a81548163ffffffff021916908363ffffffff1602179055506060820151815f01601c6101000a81548160ff0219169083151502179055506080820151816001015f6101000a8154816001600160a01b0302191690836001600160a01b0316021790555060a08201518160010160146101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790555060c0820151816002015f6101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff16021790555060e08201518160020160106101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff160217905550905050886001600160a01b0316336001600160a01b03167fe2d23a4c785fa31208dde61dcae6df4785dba2423164893e716be839e92c9a248a8a8a8a8a6040516112d395949392919067ffffffffffffffff9590951685526fffffffffffffffffffffffffffffffff938416602086015291909216604084015263ffffffff9190911660608301526001600160a01b0316608082015260a00190565b60405180910390a3505050505050505050565b604080517f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c4060208201526001600160a01b038088169282019290925290851660608201526080810184905260a0810183905260c081018290525f906113649060e0015b60405160208183030381529060405280519060200120611b60565b9695505050505050565b604080517f1468b7460e4fd2df1119e598d084ea5e3a235b0c526161c56d0c1fd128b63b5860208201526001600160a01b03808616928201929092529083166060820152608081018290525f906113c79060a001611349565b949350505050565b5f6113d8611ba7565b905090565b5f846001600160a01b03163b5f0361143c575f5f6113fc868686611cd0565b5090925090505f816003811115611415576114156125e8565b1480156114335750866001600160a01b0316826001600160a01b0316145b925050506113c7565b61144885858585611d17565b95945050505050565b6001600160a01b0382165f9081526002602052604090208054808311156114ae576040517fcf47918100000000000000000000000000000000000000000000000000000000815260048101849052602481018290526044016104d4565b6114b883826125c2565b909155505050565b61ffff7f0000000000000000000000000000000000000000000000000000000000000000168015611591575f6127106114f98385612615565b6115039190612659565b9050801561158f57335f90815260066020526040812080548392906115299084906125d5565b90915550611539905081846125c2565b925061158f6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000167f000000000000000000000000000000000000000000000000000000000000000083611abc565b505b6109a46001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163384611abc565b6001600160a01b0381165f90815260036020908152604080832033845290915281208054909167ffffffffffffffff9091169003611640576040517f19407d360000000000000000000000000000000000000000000000000000000081526001600160a01b03831660048201523360248201526044016104d4565b919050565b805f0361167e576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b83545f9061169a9067ffffffffffffffff908116908516612615565b9050808211156116e0576040517fc716232900000000000000000000000000000000000000000000000000000000815260048101839052602481018290526044016104d4565b84546801000000000000000090046fffffffffffffffffffffffffffffffff1680831115611755576040517f29a8b5f0000000000000000000000000000000000000000000000000000000008152600481018490526fffffffffffffffffffffffffffffffff821660248201526044016104d4565b61175f838261266c565b86546fffffffffffffffffffffffffffffffff9190911668010000000000000000027fffffffffffffffff00000000000000000000000000000000ffffffffffffffff9091161780875563ffffffff780100000000000000000000000000000000000000000000000090910416801561197657600187015460028801547401000000000000000000000000000000000000000090910467ffffffffffffffff169070010000000000000000000000000000000090046fffffffffffffffffffffffffffffffff1661183083836125d5565b421061185b578261184183426125c2565b61184b9190612694565b61185590426125c2565b91505f90505b60028901546fffffffffffffffffffffffffffffffff165f8183101561188a5761188583836125c2565b61188c565b5f5b9050808811156118e55787816118a287876125d5565b6040517f74dedd810000000000000000000000000000000000000000000000000000000081526004810193909352602483019190915260448201526064016104d4565b60018b0180547fffffffff0000000000000000ffffffffffffffffffffffffffffffffffffffff167401000000000000000000000000000000000000000067ffffffffffffffff87160217905561193c88846125d5565b60028c0180546fffffffffffffffffffffffffffffffff928316700100000000000000000000000000000000029216919091179055505050505b6119808685611451565b6040805167ffffffffffffffff871681526020810186905233916001600160a01b038916917fa20f58a926fbe148adc74f98f3ec5b5865ab0c8c2a258cef1ebc58ef1c20d8f4910160405180910390a36119d9846114c0565b50505050505050565b805f03611a1b576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b0382165f9081526002602052604081208054839290611a429084906125d5565b909155505060405181815233906001600160a01b038416907f8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a79060200160405180910390a36109a46001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333084611d9a565b611ac98383836001611de9565b610ade576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b03841660048201526024016104d4565b60606113d87f0000000000000000000000000000000000000000000000000000000000000000611e64565b60606113d87f0000000000000000000000000000000000000000000000000000000000000000611e64565b5f6107c2611b6c611ba7565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015611bff57507f000000000000000000000000000000000000000000000000000000000000000046145b15611c2957507f000000000000000000000000000000000000000000000000000000000000000090565b6113d8604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f80806041849003611d04578435602086013560408701355f1a611cf689828585611ea1565b955095509550505050611d0e565b505f915060029050825b93509350939050565b604080517f1626ba7e00000000000000000000000000000000000000000000000000000000808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b611da8848484846001611f87565b610e5d576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b03851660048201526024016104d4565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316611e58578383151615611e4c573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b60605f611e708361200d565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115611eda57505f91506003905082611f7d565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015611f2b573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe001519150506001600160a01b038116611f7457505f925060019150829050611f7d565b92505f91508190505b9450945094915050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316611ffc578383151615611ff0573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f60ff8216601f8111156107c2576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80356001600160a01b0381168114611640575f5ffd5b5f5f83601f840112612073575f5ffd5b50813567ffffffffffffffff81111561208a575f5ffd5b6020830191508360208285010111156120a1575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a0312156120be575f5ffd5b6120c78861204d565b96506020880135955060408801359450606088013593506080880135925060a088013567ffffffffffffffff8111156120fe575f5ffd5b61210a8a828b01612063565b989b979a50959850939692959293505050565b5f5f6040838503121561212e575f5ffd5b6121378361204d565b91506121456020840161204d565b90509250929050565b5f6101008201905067ffffffffffffffff83511682526fffffffffffffffffffffffffffffffff602084015116602083015263ffffffff604084015116604083015260608301516121a3606084018215159052565b5060808301516121be60808401826001600160a01b03169052565b5060a08301516121da60a084018267ffffffffffffffff169052565b5060c08301516121fe60c08401826fffffffffffffffffffffffffffffffff169052565b5060e083015161222260e08401826fffffffffffffffffffffffffffffffff169052565b5092915050565b803567ffffffffffffffff81168114611640575f5ffd5b5f5f5f5f5f5f60a08789031215612255575f5ffd5b61225e8761204d565b955061226c60208801612229565b94506040870135935060608701359250608087013567ffffffffffffffff811115612295575f5ffd5b6122a189828a01612063565b979a9699509497509295939492505050565b5f5f604083850312156122c4575f5ffd5b6122cd8361204d565b946020939093013593505050565b5f602082840312156122eb575f5ffd5b5035919050565b5f60208284031215612302575f5ffd5b61230b8261204d565b9392505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61239860e0830189612312565b82810360408401526123aa8189612312565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156123ff5783518352602093840193909201916001016123e1565b50909b9a5050505050505050505050565b5f5f5f60608486031215612422575f5ffd5b61242b8461204d565b925061243960208501612229565b929592945050506040919091013590565b5f5f5f6060848603121561245c575f5ffd5b6124658461204d565b92506124736020850161204d565b91506124816040850161204d565b90509250925092565b80356fffffffffffffffffffffffffffffffff81168114611640575f5ffd5b5f5f5f5f5f5f60c087890312156124be575f5ffd5b6124c78761204d565b95506124d560208801612229565b94506124e36040880161248a565b93506124f16060880161248a565b9250608087013563ffffffff81168114612509575f5ffd5b915061251760a0880161204d565b90509295509295509295565b5f5f5f5f5f60a08688031215612537575f5ffd5b6125408661204d565b945061254e6020870161204d565b94979496505050506040830135926060810135926080909101359150565b5f5f5f6060848603121561257e575f5ffd5b6125878461204d565b92506124396020850161204d565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b818103818111156107c2576107c2612595565b808201808211156107c2576107c2612595565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b80820281158282048414176107c2576107c2612595565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f826126675761266761262c565b500490565b6fffffffffffffffffffffffffffffffff82811682821603908111156107c2576107c2612595565b5f826126a2576126a261262c565b50069056fea264697066735822122028a878f1d3da01a072113d2d6c64e7aef16dd4f29f0b6198b0d60a2f5078d46e64736f6c63430008250033",
}

// Escrow is an auto generated Go binding around an Ethereum contract.
type Escrow struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Escrow) GetABI() abi.ABI {
	return c.abi
}

// NewEscrow creates a new instance of Escrow.
func NewEscrow() *Escrow {
	parsed, err := EscrowMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Escrow{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Escrow) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token, uint256 withdrawDelay, uint16 feeBps, address feeSink) returns()
func (escrow *Escrow) PackConstructor(token common.Address, withdrawDelay *big.Int, feeBps uint16, feeSink common.Address) []byte {
	enc, err := escrow.abi.Pack("", token, withdrawDelay, feeBps, feeSink)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf333f2c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function FEE_BPS() view returns(uint16)
func (escrow *Escrow) PackFEEBPS() []byte {
	enc, err := escrow.abi.Pack("FEE_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf333f2c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function FEE_BPS() view returns(uint16)
func (escrow *Escrow) TryPackFEEBPS() ([]byte, error) {
	return escrow.abi.Pack("FEE_BPS")
}

// UnpackFEEBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbf333f2c.
//
// Solidity: function FEE_BPS() view returns(uint16)
func (escrow *Escrow) UnpackFEEBPS(data []byte) (uint16, error) {
	out, err := escrow.abi.Unpack("FEE_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackFEESINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12bb5fd4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function FEE_SINK() view returns(address)
func (escrow *Escrow) PackFEESINK() []byte {
	enc, err := escrow.abi.Pack("FEE_SINK")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFEESINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12bb5fd4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function FEE_SINK() view returns(address)
func (escrow *Escrow) TryPackFEESINK() ([]byte, error) {
	return escrow.abi.Pack("FEE_SINK")
}

// UnpackFEESINK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x12bb5fd4.
//
// Solidity: function FEE_SINK() view returns(address)
func (escrow *Escrow) UnpackFEESINK(data []byte) (common.Address, error) {
	out, err := escrow.abi.Unpack("FEE_SINK", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (escrow *Escrow) PackMAXFEEBPS() []byte {
	enc, err := escrow.abi.Pack("MAX_FEE_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (escrow *Escrow) TryPackMAXFEEBPS() ([]byte, error) {
	return escrow.abi.Pack("MAX_FEE_BPS")
}

// UnpackMAXFEEBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (escrow *Escrow) UnpackMAXFEEBPS(data []byte) (uint16, error) {
	out, err := escrow.abi.Unpack("MAX_FEE_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackMETERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4270e644.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function METER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) PackMETERTYPEHASH() []byte {
	enc, err := escrow.abi.Pack("METER_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMETERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4270e644.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function METER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) TryPackMETERTYPEHASH() ([]byte, error) {
	return escrow.abi.Pack("METER_TYPEHASH")
}

// UnpackMETERTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4270e644.
//
// Solidity: function METER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) UnpackMETERTYPEHASH(data []byte) ([32]byte, error) {
	out, err := escrow.abi.Unpack("METER_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TOKEN() view returns(address)
func (escrow *Escrow) PackTOKEN() []byte {
	enc, err := escrow.abi.Pack("TOKEN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TOKEN() view returns(address)
func (escrow *Escrow) TryPackTOKEN() ([]byte, error) {
	return escrow.abi.Pack("TOKEN")
}

// UnpackTOKEN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x82bfefc8.
//
// Solidity: function TOKEN() view returns(address)
func (escrow *Escrow) UnpackTOKEN(data []byte) (common.Address, error) {
	out, err := escrow.abi.Unpack("TOKEN", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVOUCHERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94739e87.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) PackVOUCHERTYPEHASH() []byte {
	enc, err := escrow.abi.Pack("VOUCHER_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVOUCHERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94739e87.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) TryPackVOUCHERTYPEHASH() ([]byte, error) {
	return escrow.abi.Pack("VOUCHER_TYPEHASH")
}

// UnpackVOUCHERTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x94739e87.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (escrow *Escrow) UnpackVOUCHERTYPEHASH(data []byte) ([32]byte, error) {
	out, err := escrow.abi.Unpack("VOUCHER_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackWITHDRAWDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0d5e5fff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function WITHDRAW_DELAY() view returns(uint256)
func (escrow *Escrow) PackWITHDRAWDELAY() []byte {
	enc, err := escrow.abi.Pack("WITHDRAW_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWITHDRAWDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0d5e5fff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function WITHDRAW_DELAY() view returns(uint256)
func (escrow *Escrow) TryPackWITHDRAWDELAY() ([]byte, error) {
	return escrow.abi.Pack("WITHDRAW_DELAY")
}

// UnpackWITHDRAWDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0d5e5fff.
//
// Solidity: function WITHDRAW_DELAY() view returns(uint256)
func (escrow *Escrow) UnpackWITHDRAWDELAY(data []byte) (*big.Int, error) {
	out, err := escrow.abi.Unpack("WITHDRAW_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAccountOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8086b8ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accountOf(address payer) view returns((uint256,uint256,uint256))
func (escrow *Escrow) PackAccountOf(payer common.Address) []byte {
	enc, err := escrow.abi.Pack("accountOf", payer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccountOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8086b8ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accountOf(address payer) view returns((uint256,uint256,uint256))
func (escrow *Escrow) TryPackAccountOf(payer common.Address) ([]byte, error) {
	return escrow.abi.Pack("accountOf", payer)
}

// UnpackAccountOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8086b8ba.
//
// Solidity: function accountOf(address payer) view returns((uint256,uint256,uint256))
func (escrow *Escrow) UnpackAccountOf(data []byte) (EscrowAccount, error) {
	out, err := escrow.abi.Unpack("accountOf", data)
	if err != nil {
		return *new(EscrowAccount), err
	}
	out0 := *abi.ConvertType(out[0], new(EscrowAccount)).(*EscrowAccount)
	return out0, nil
}

// PackAllowanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a46ec82.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowanceOf(address payer, address provider) view returns((uint64,uint128,uint32,bool,address,uint64,uint128,uint128))
func (escrow *Escrow) PackAllowanceOf(payer common.Address, provider common.Address) []byte {
	enc, err := escrow.abi.Pack("allowanceOf", payer, provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a46ec82.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowanceOf(address payer, address provider) view returns((uint64,uint128,uint32,bool,address,uint64,uint128,uint128))
func (escrow *Escrow) TryPackAllowanceOf(payer common.Address, provider common.Address) ([]byte, error) {
	return escrow.abi.Pack("allowanceOf", payer, provider)
}

// UnpackAllowanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1a46ec82.
//
// Solidity: function allowanceOf(address payer, address provider) view returns((uint64,uint128,uint32,bool,address,uint64,uint128,uint128))
func (escrow *Escrow) UnpackAllowanceOf(data []byte) (EscrowAllowance, error) {
	out, err := escrow.abi.Unpack("allowanceOf", data)
	if err != nil {
		return *new(EscrowAllowance), err
	}
	out0 := *abi.ConvertType(out[0], new(EscrowAllowance)).(*EscrowAllowance)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf6971df.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address provider, uint64 maxPricePerRequest, uint128 budget, uint128 maxPerPeriod, uint32 period, address meter) returns()
func (escrow *Escrow) PackApprove(provider common.Address, maxPricePerRequest uint64, budget *big.Int, maxPerPeriod *big.Int, period uint32, meter common.Address) []byte {
	enc, err := escrow.abi.Pack("approve", provider, maxPricePerRequest, budget, maxPerPeriod, period, meter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf6971df.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address provider, uint64 maxPricePerRequest, uint128 budget, uint128 maxPerPeriod, uint32 period, address meter) returns()
func (escrow *Escrow) TryPackApprove(provider common.Address, maxPricePerRequest uint64, budget *big.Int, maxPerPeriod *big.Int, period uint32, meter common.Address) ([]byte, error) {
	return escrow.abi.Pack("approve", provider, maxPricePerRequest, budget, maxPerPeriod, period, meter)
}

// PackCancelWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b76824.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelWithdraw() returns()
func (escrow *Escrow) PackCancelWithdraw() []byte {
	enc, err := escrow.abi.Pack("cancelWithdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b76824.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelWithdraw() returns()
func (escrow *Escrow) TryPackCancelWithdraw() ([]byte, error) {
	return escrow.abi.Pack("cancelWithdraw")
}

// PackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb6b55f25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deposit(uint256 amount) returns()
func (escrow *Escrow) PackDeposit(amount *big.Int) []byte {
	enc, err := escrow.abi.Pack("deposit", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb6b55f25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deposit(uint256 amount) returns()
func (escrow *Escrow) TryPackDeposit(amount *big.Int) ([]byte, error) {
	return escrow.abi.Pack("deposit", amount)
}

// PackDepositFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f4f21e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function depositFor(address payer, uint256 amount) returns()
func (escrow *Escrow) PackDepositFor(payer common.Address, amount *big.Int) []byte {
	enc, err := escrow.abi.Pack("depositFor", payer, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDepositFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f4f21e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function depositFor(address payer, uint256 amount) returns()
func (escrow *Escrow) TryPackDepositFor(payer common.Address, amount *big.Int) ([]byte, error) {
	return escrow.abi.Pack("depositFor", payer, amount)
}

// PackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (escrow *Escrow) PackDomainSeparator() []byte {
	enc, err := escrow.abi.Pack("domainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (escrow *Escrow) TryPackDomainSeparator() ([]byte, error) {
	return escrow.abi.Pack("domainSeparator")
}

// UnpackDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (escrow *Escrow) UnpackDomainSeparator(data []byte) ([32]byte, error) {
	out, err := escrow.abi.Unpack("domainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (escrow *Escrow) PackEip712Domain() []byte {
	enc, err := escrow.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (escrow *Escrow) TryPackEip712Domain() ([]byte, error) {
	return escrow.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (escrow *Escrow) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := escrow.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackFeesPaid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x799ecb34.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feesPaid(address provider) view returns(uint256)
func (escrow *Escrow) PackFeesPaid(provider common.Address) []byte {
	enc, err := escrow.abi.Pack("feesPaid", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeesPaid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x799ecb34.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feesPaid(address provider) view returns(uint256)
func (escrow *Escrow) TryPackFeesPaid(provider common.Address) ([]byte, error) {
	return escrow.abi.Pack("feesPaid", provider)
}

// UnpackFeesPaid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x799ecb34.
//
// Solidity: function feesPaid(address provider) view returns(uint256)
func (escrow *Escrow) UnpackFeesPaid(data []byte) (*big.Int, error) {
	out, err := escrow.abi.Unpack("feesPaid", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMeterDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xecb4b5dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function meterDigest(address payer, address provider, uint256 count) view returns(bytes32)
func (escrow *Escrow) PackMeterDigest(payer common.Address, provider common.Address, count *big.Int) []byte {
	enc, err := escrow.abi.Pack("meterDigest", payer, provider, count)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMeterDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xecb4b5dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function meterDigest(address payer, address provider, uint256 count) view returns(bytes32)
func (escrow *Escrow) TryPackMeterDigest(payer common.Address, provider common.Address, count *big.Int) ([]byte, error) {
	return escrow.abi.Pack("meterDigest", payer, provider, count)
}

// UnpackMeterDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xecb4b5dd.
//
// Solidity: function meterDigest(address payer, address provider, uint256 count) view returns(bytes32)
func (escrow *Escrow) UnpackMeterDigest(data []byte) ([32]byte, error) {
	out, err := escrow.abi.Unpack("meterDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMetered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb69d4294.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function metered(address payer, address provider, address meter) view returns(uint256)
func (escrow *Escrow) PackMetered(payer common.Address, provider common.Address, meter common.Address) []byte {
	enc, err := escrow.abi.Pack("metered", payer, provider, meter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMetered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb69d4294.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function metered(address payer, address provider, address meter) view returns(uint256)
func (escrow *Escrow) TryPackMetered(payer common.Address, provider common.Address, meter common.Address) ([]byte, error) {
	return escrow.abi.Pack("metered", payer, provider, meter)
}

// UnpackMetered is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb69d4294.
//
// Solidity: function metered(address payer, address provider, address meter) view returns(uint256)
func (escrow *Escrow) UnpackMetered(data []byte) (*big.Int, error) {
	out, err := escrow.abi.Unpack("metered", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRedeemVoucher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04facebd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeemVoucher(address payer, uint256 cumulativeAmount, uint256 expiry, bytes32 session, uint256 upTo, bytes signature) returns()
func (escrow *Escrow) PackRedeemVoucher(payer common.Address, cumulativeAmount *big.Int, expiry *big.Int, session [32]byte, upTo *big.Int, signature []byte) []byte {
	enc, err := escrow.abi.Pack("redeemVoucher", payer, cumulativeAmount, expiry, session, upTo, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeemVoucher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04facebd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeemVoucher(address payer, uint256 cumulativeAmount, uint256 expiry, bytes32 session, uint256 upTo, bytes signature) returns()
func (escrow *Escrow) TryPackRedeemVoucher(payer common.Address, cumulativeAmount *big.Int, expiry *big.Int, session [32]byte, upTo *big.Int, signature []byte) ([]byte, error) {
	return escrow.abi.Pack("redeemVoucher", payer, cumulativeAmount, expiry, session, upTo, signature)
}

// PackRedeemed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc33313ef.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeemed(address payer, address provider) view returns(uint256)
func (escrow *Escrow) PackRedeemed(payer common.Address, provider common.Address) []byte {
	enc, err := escrow.abi.Pack("redeemed", payer, provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeemed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc33313ef.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeemed(address payer, address provider) view returns(uint256)
func (escrow *Escrow) TryPackRedeemed(payer common.Address, provider common.Address) ([]byte, error) {
	return escrow.abi.Pack("redeemed", payer, provider)
}

// UnpackRedeemed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc33313ef.
//
// Solidity: function redeemed(address payer, address provider) view returns(uint256)
func (escrow *Escrow) UnpackRedeemed(data []byte) (*big.Int, error) {
	out, err := escrow.abi.Unpack("redeemed", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x745400c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestWithdraw(uint256 amount) returns()
func (escrow *Escrow) PackRequestWithdraw(amount *big.Int) []byte {
	enc, err := escrow.abi.Pack("requestWithdraw", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x745400c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestWithdraw(uint256 amount) returns()
func (escrow *Escrow) TryPackRequestWithdraw(amount *big.Int) ([]byte, error) {
	return escrow.abi.Pack("requestWithdraw", amount)
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74a8f103.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(address provider) returns()
func (escrow *Escrow) PackRevoke(provider common.Address) []byte {
	enc, err := escrow.abi.Pack("revoke", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74a8f103.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(address provider) returns()
func (escrow *Escrow) TryPackRevoke(provider common.Address) ([]byte, error) {
	return escrow.abi.Pack("revoke", provider)
}

// PackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93c20571.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settle(address payer, uint64 count, uint256 amount) returns()
func (escrow *Escrow) PackSettle(payer common.Address, count uint64, amount *big.Int) []byte {
	enc, err := escrow.abi.Pack("settle", payer, count, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93c20571.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settle(address payer, uint64 count, uint256 amount) returns()
func (escrow *Escrow) TryPackSettle(payer common.Address, count uint64, amount *big.Int) ([]byte, error) {
	return escrow.abi.Pack("settle", payer, count, amount)
}

// PackSettleMetered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c1051d5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settleMetered(address payer, uint64 count, uint256 amount, uint256 meteredCount, bytes signature) returns()
func (escrow *Escrow) PackSettleMetered(payer common.Address, count uint64, amount *big.Int, meteredCount *big.Int, signature []byte) []byte {
	enc, err := escrow.abi.Pack("settleMetered", payer, count, amount, meteredCount, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettleMetered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c1051d5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settleMetered(address payer, uint64 count, uint256 amount, uint256 meteredCount, bytes signature) returns()
func (escrow *Escrow) TryPackSettleMetered(payer common.Address, count uint64, amount *big.Int, meteredCount *big.Int, signature []byte) ([]byte, error) {
	return escrow.abi.Pack("settleMetered", payer, count, amount, meteredCount, signature)
}

// PackVoucherDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xddb79819.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function voucherDigest(address payer, address provider, uint256 cumulativeAmount, uint256 expiry, bytes32 session) view returns(bytes32)
func (escrow *Escrow) PackVoucherDigest(payer common.Address, provider common.Address, cumulativeAmount *big.Int, expiry *big.Int, session [32]byte) []byte {
	enc, err := escrow.abi.Pack("voucherDigest", payer, provider, cumulativeAmount, expiry, session)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVoucherDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xddb79819.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function voucherDigest(address payer, address provider, uint256 cumulativeAmount, uint256 expiry, bytes32 session) view returns(bytes32)
func (escrow *Escrow) TryPackVoucherDigest(payer common.Address, provider common.Address, cumulativeAmount *big.Int, expiry *big.Int, session [32]byte) ([]byte, error) {
	return escrow.abi.Pack("voucherDigest", payer, provider, cumulativeAmount, expiry, session)
}

// UnpackVoucherDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xddb79819.
//
// Solidity: function voucherDigest(address payer, address provider, uint256 cumulativeAmount, uint256 expiry, bytes32 session) view returns(bytes32)
func (escrow *Escrow) UnpackVoucherDigest(data []byte) ([32]byte, error) {
	out, err := escrow.abi.Unpack("voucherDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (escrow *Escrow) PackWithdraw() []byte {
	enc, err := escrow.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (escrow *Escrow) TryPackWithdraw() ([]byte, error) {
	return escrow.abi.Pack("withdraw")
}

// EscrowApproved represents a Approved event raised by the Escrow contract.
type EscrowApproved struct {
	Payer              common.Address
	Provider           common.Address
	MaxPricePerRequest uint64
	Budget             *big.Int
	MaxPerPeriod       *big.Int
	Period             uint32
	Meter              common.Address
	Raw                *types.Log // Blockchain specific contextual infos
}

const EscrowApprovedEventName = "Approved"

// ContractEventName returns the user-defined event name.
func (EscrowApproved) ContractEventName() string {
	return EscrowApprovedEventName
}

// UnpackApprovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approved(address indexed payer, address indexed provider, uint64 maxPricePerRequest, uint128 budget, uint128 maxPerPeriod, uint32 period, address meter)
func (escrow *Escrow) UnpackApprovedEvent(log *types.Log) (*EscrowApproved, error) {
	event := "Approved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowApproved)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowDeposited represents a Deposited event raised by the Escrow contract.
type EscrowDeposited struct {
	Payer  common.Address
	From   common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const EscrowDepositedEventName = "Deposited"

// ContractEventName returns the user-defined event name.
func (EscrowDeposited) ContractEventName() string {
	return EscrowDepositedEventName
}

// UnpackDepositedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Deposited(address indexed payer, address indexed from, uint256 amount)
func (escrow *Escrow) UnpackDepositedEvent(log *types.Log) (*EscrowDeposited, error) {
	event := "Deposited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowDeposited)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowEIP712DomainChanged represents a EIP712DomainChanged event raised by the Escrow contract.
type EscrowEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const EscrowEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (EscrowEIP712DomainChanged) ContractEventName() string {
	return EscrowEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (escrow *Escrow) UnpackEIP712DomainChangedEvent(log *types.Log) (*EscrowEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowRevoked represents a Revoked event raised by the Escrow contract.
type EscrowRevoked struct {
	Payer    common.Address
	Provider common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const EscrowRevokedEventName = "Revoked"

// ContractEventName returns the user-defined event name.
func (EscrowRevoked) ContractEventName() string {
	return EscrowRevokedEventName
}

// UnpackRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Revoked(address indexed payer, address indexed provider)
func (escrow *Escrow) UnpackRevokedEvent(log *types.Log) (*EscrowRevoked, error) {
	event := "Revoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowRevoked)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowSettled represents a Settled event raised by the Escrow contract.
type EscrowSettled struct {
	Payer    common.Address
	Provider common.Address
	Count    uint64
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const EscrowSettledEventName = "Settled"

// ContractEventName returns the user-defined event name.
func (EscrowSettled) ContractEventName() string {
	return EscrowSettledEventName
}

// UnpackSettledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Settled(address indexed payer, address indexed provider, uint64 count, uint256 amount)
func (escrow *Escrow) UnpackSettledEvent(log *types.Log) (*EscrowSettled, error) {
	event := "Settled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowSettled)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowVoucherRedeemed represents a VoucherRedeemed event raised by the Escrow contract.
type EscrowVoucherRedeemed struct {
	Payer            common.Address
	Provider         common.Address
	CumulativeAmount *big.Int
	Amount           *big.Int
	Raw              *types.Log // Blockchain specific contextual infos
}

const EscrowVoucherRedeemedEventName = "VoucherRedeemed"

// ContractEventName returns the user-defined event name.
func (EscrowVoucherRedeemed) ContractEventName() string {
	return EscrowVoucherRedeemedEventName
}

// UnpackVoucherRedeemedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VoucherRedeemed(address indexed payer, address indexed provider, uint256 cumulativeAmount, uint256 amount)
func (escrow *Escrow) UnpackVoucherRedeemedEvent(log *types.Log) (*EscrowVoucherRedeemed, error) {
	event := "VoucherRedeemed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowVoucherRedeemed)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowWithdrawalCancelled represents a WithdrawalCancelled event raised by the Escrow contract.
type EscrowWithdrawalCancelled struct {
	Payer common.Address
	Raw   *types.Log // Blockchain specific contextual infos
}

const EscrowWithdrawalCancelledEventName = "WithdrawalCancelled"

// ContractEventName returns the user-defined event name.
func (EscrowWithdrawalCancelled) ContractEventName() string {
	return EscrowWithdrawalCancelledEventName
}

// UnpackWithdrawalCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WithdrawalCancelled(address indexed payer)
func (escrow *Escrow) UnpackWithdrawalCancelledEvent(log *types.Log) (*EscrowWithdrawalCancelled, error) {
	event := "WithdrawalCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowWithdrawalCancelled)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowWithdrawalRequested represents a WithdrawalRequested event raised by the Escrow contract.
type EscrowWithdrawalRequested struct {
	Payer          common.Address
	Amount         *big.Int
	WithdrawableAt *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const EscrowWithdrawalRequestedEventName = "WithdrawalRequested"

// ContractEventName returns the user-defined event name.
func (EscrowWithdrawalRequested) ContractEventName() string {
	return EscrowWithdrawalRequestedEventName
}

// UnpackWithdrawalRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WithdrawalRequested(address indexed payer, uint256 amount, uint256 withdrawableAt)
func (escrow *Escrow) UnpackWithdrawalRequestedEvent(log *types.Log) (*EscrowWithdrawalRequested, error) {
	event := "WithdrawalRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowWithdrawalRequested)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EscrowWithdrawn represents a Withdrawn event raised by the Escrow contract.
type EscrowWithdrawn struct {
	Payer  common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const EscrowWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (EscrowWithdrawn) ContractEventName() string {
	return EscrowWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed payer, uint256 amount)
func (escrow *Escrow) UnpackWithdrawnEvent(log *types.Log) (*EscrowWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != escrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EscrowWithdrawn)
	if len(log.Data) > 0 {
		if err := escrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range escrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (escrow *Escrow) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], escrow.abi.Errors["BudgetExceeded"].ID.Bytes()[:4]) {
		return escrow.UnpackBudgetExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return escrow.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidFee"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidFeeError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidMeterSignature"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidMeterSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidPeriod"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidPeriodError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidVoucherSignature"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidVoucherSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["MeterCountExceeded"].ID.Bytes()[:4]) {
		return escrow.UnpackMeterCountExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["MeterRequired"].ID.Bytes()[:4]) {
		return escrow.UnpackMeterRequiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["NoWithdrawalRequested"].ID.Bytes()[:4]) {
		return escrow.UnpackNoWithdrawalRequestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["NotApproved"].ID.Bytes()[:4]) {
		return escrow.UnpackNotApprovedError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["NotMetered"].ID.Bytes()[:4]) {
		return escrow.UnpackNotMeteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["PeriodCapExceeded"].ID.Bytes()[:4]) {
		return escrow.UnpackPeriodCapExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["PriceCapExceeded"].ID.Bytes()[:4]) {
		return escrow.UnpackPriceCapExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return escrow.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return escrow.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["VoucherAlreadyRedeemed"].ID.Bytes()[:4]) {
		return escrow.UnpackVoucherAlreadyRedeemedError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["VoucherCeilingExceeded"].ID.Bytes()[:4]) {
		return escrow.UnpackVoucherCeilingExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["VoucherExpired"].ID.Bytes()[:4]) {
		return escrow.UnpackVoucherExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["WithdrawalNotReady"].ID.Bytes()[:4]) {
		return escrow.UnpackWithdrawalNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return escrow.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return escrow.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// EscrowBudgetExceeded represents a BudgetExceeded error raised by the Escrow contract.
type EscrowBudgetExceeded struct {
	Amount *big.Int
	Budget *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BudgetExceeded(uint256 amount, uint256 budget)
func EscrowBudgetExceededErrorID() common.Hash {
	return common.HexToHash("0x29a8b5f0b76c21efab93aa687310d14a2166d3130ea90e840200e14e21d0863c")
}

// UnpackBudgetExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BudgetExceeded(uint256 amount, uint256 budget)
func (escrow *Escrow) UnpackBudgetExceededError(raw []byte) (*EscrowBudgetExceeded, error) {
	out := new(EscrowBudgetExceeded)
	if err := escrow.abi.UnpackIntoInterface(out, "BudgetExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInsufficientBalance represents a InsufficientBalance error raised by the Escrow contract.
type EscrowInsufficientBalance struct {
	Amount  *big.Int
	Balance *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(uint256 amount, uint256 balance)
func EscrowInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xcf4791818fba6e019216eb4864093b4947f674afada5d305e57d598b641dad1d")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(uint256 amount, uint256 balance)
func (escrow *Escrow) UnpackInsufficientBalanceError(raw []byte) (*EscrowInsufficientBalance, error) {
	out := new(EscrowInsufficientBalance)
	if err := escrow.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInvalidFee represents a InvalidFee error raised by the Escrow contract.
type EscrowInvalidFee struct {
	FeeBps uint16
	Sink   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidFee(uint16 feeBps, address sink)
func EscrowInvalidFeeErrorID() common.Hash {
	return common.HexToHash("0xe1fe5a43c60ec3bca60179ae584d2822a087a93e0a386bb2f451d55b16b11b6b")
}

// UnpackInvalidFeeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidFee(uint16 feeBps, address sink)
func (escrow *Escrow) UnpackInvalidFeeError(raw []byte) (*EscrowInvalidFee, error) {
	out := new(EscrowInvalidFee)
	if err := escrow.abi.UnpackIntoInterface(out, "InvalidFee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInvalidMeterSignature represents a InvalidMeterSignature error raised by the Escrow contract.
type EscrowInvalidMeterSignature struct {
	Meter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMeterSignature(address meter)
func EscrowInvalidMeterSignatureErrorID() common.Hash {
	return common.HexToHash("0xa8bf0f5c1375745fff21d499b52b1542b841df6ee02a4e55e76ef4b9ed8fd9c3")
}

// UnpackInvalidMeterSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMeterSignature(address meter)
func (escrow *Escrow) UnpackInvalidMeterSignatureError(raw []byte) (*EscrowInvalidMeterSignature, error) {
	out := new(EscrowInvalidMeterSignature)
	if err := escrow.abi.UnpackIntoInterface(out, "InvalidMeterSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInvalidPeriod represents a InvalidPeriod error raised by the Escrow contract.
type EscrowInvalidPeriod struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPeriod()
func EscrowInvalidPeriodErrorID() common.Hash {
	return common.HexToHash("0x17479ac87a9afb04c9d31315bed5b3357c673e575b6cfc85452248233b88a9dd")
}

// UnpackInvalidPeriodError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPeriod()
func (escrow *Escrow) UnpackInvalidPeriodError(raw []byte) (*EscrowInvalidPeriod, error) {
	out := new(EscrowInvalidPeriod)
	if err := escrow.abi.UnpackIntoInterface(out, "InvalidPeriod", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInvalidShortString represents a InvalidShortString error raised by the Escrow contract.
type EscrowInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func EscrowInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (escrow *Escrow) UnpackInvalidShortStringError(raw []byte) (*EscrowInvalidShortString, error) {
	out := new(EscrowInvalidShortString)
	if err := escrow.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowInvalidVoucherSignature represents a InvalidVoucherSignature error raised by the Escrow contract.
type EscrowInvalidVoucherSignature struct {
	Payer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidVoucherSignature(address payer)
func EscrowInvalidVoucherSignatureErrorID() common.Hash {
	return common.HexToHash("0x525f7ecc7ade53bbbb714f592d932ae3ef4b5c1ef4af75bb6ca4861742bf894f")
}

// UnpackInvalidVoucherSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidVoucherSignature(address payer)
func (escrow *Escrow) UnpackInvalidVoucherSignatureError(raw []byte) (*EscrowInvalidVoucherSignature, error) {
	out := new(EscrowInvalidVoucherSignature)
	if err := escrow.abi.UnpackIntoInterface(out, "InvalidVoucherSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowMeterCountExceeded represents a MeterCountExceeded error raised by the Escrow contract.
type EscrowMeterCountExceeded struct {
	Total *big.Int
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeterCountExceeded(uint256 total, uint256 count)
func EscrowMeterCountExceededErrorID() common.Hash {
	return common.HexToHash("0x37ece252fac8d718cdb1c03dc4790e9bf158b2dc9cc4417ddc9ba353893f5a09")
}

// UnpackMeterCountExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeterCountExceeded(uint256 total, uint256 count)
func (escrow *Escrow) UnpackMeterCountExceededError(raw []byte) (*EscrowMeterCountExceeded, error) {
	out := new(EscrowMeterCountExceeded)
	if err := escrow.abi.UnpackIntoInterface(out, "MeterCountExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowMeterRequired represents a MeterRequired error raised by the Escrow contract.
type EscrowMeterRequired struct {
	Meter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeterRequired(address meter)
func EscrowMeterRequiredErrorID() common.Hash {
	return common.HexToHash("0x4b089f4cea287e5774ffa3346d9bbf1e4dee64b8e7616290508f8b0ba45dc5af")
}

// UnpackMeterRequiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeterRequired(address meter)
func (escrow *Escrow) UnpackMeterRequiredError(raw []byte) (*EscrowMeterRequired, error) {
	out := new(EscrowMeterRequired)
	if err := escrow.abi.UnpackIntoInterface(out, "MeterRequired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowNoWithdrawalRequested represents a NoWithdrawalRequested error raised by the Escrow contract.
type EscrowNoWithdrawalRequested struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoWithdrawalRequested()
func EscrowNoWithdrawalRequestedErrorID() common.Hash {
	return common.HexToHash("0x87bdc6a9cec56cef4e73de5358b9da8b84e566b7335acf2cb00a5c27102a655e")
}

// UnpackNoWithdrawalRequestedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoWithdrawalRequested()
func (escrow *Escrow) UnpackNoWithdrawalRequestedError(raw []byte) (*EscrowNoWithdrawalRequested, error) {
	out := new(EscrowNoWithdrawalRequested)
	if err := escrow.abi.UnpackIntoInterface(out, "NoWithdrawalRequested", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowNotApproved represents a NotApproved error raised by the Escrow contract.
type EscrowNotApproved struct {
	Payer    common.Address
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotApproved(address payer, address provider)
func EscrowNotApprovedErrorID() common.Hash {
	return common.HexToHash("0x19407d365af76c46687b376fc46fb5dfa1b59547cd66a8f5fb837945b2afa409")
}

// UnpackNotApprovedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotApproved(address payer, address provider)
func (escrow *Escrow) UnpackNotApprovedError(raw []byte) (*EscrowNotApproved, error) {
	out := new(EscrowNotApproved)
	if err := escrow.abi.UnpackIntoInterface(out, "NotApproved", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowNotMetered represents a NotMetered error raised by the Escrow contract.
type EscrowNotMetered struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMetered()
func EscrowNotMeteredErrorID() common.Hash {
	return common.HexToHash("0xcb514bab3efd1d939c767705d225fcb0ba04eb38d6d05fe48d473be32f5c7679")
}

// UnpackNotMeteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMetered()
func (escrow *Escrow) UnpackNotMeteredError(raw []byte) (*EscrowNotMetered, error) {
	out := new(EscrowNotMetered)
	if err := escrow.abi.UnpackIntoInterface(out, "NotMetered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowPeriodCapExceeded represents a PeriodCapExceeded error raised by the Escrow contract.
type EscrowPeriodCapExceeded struct {
	Amount   *big.Int
	Left     *big.Int
	RenewsAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PeriodCapExceeded(uint256 amount, uint256 left, uint256 renewsAt)
func EscrowPeriodCapExceededErrorID() common.Hash {
	return common.HexToHash("0x74dedd8118e9922238011043f42733b155366c6ec4aa17ac15a0f7439971329c")
}

// UnpackPeriodCapExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PeriodCapExceeded(uint256 amount, uint256 left, uint256 renewsAt)
func (escrow *Escrow) UnpackPeriodCapExceededError(raw []byte) (*EscrowPeriodCapExceeded, error) {
	out := new(EscrowPeriodCapExceeded)
	if err := escrow.abi.UnpackIntoInterface(out, "PeriodCapExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowPriceCapExceeded represents a PriceCapExceeded error raised by the Escrow contract.
type EscrowPriceCapExceeded struct {
	Amount *big.Int
	Cap    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PriceCapExceeded(uint256 amount, uint256 cap)
func EscrowPriceCapExceededErrorID() common.Hash {
	return common.HexToHash("0xc71623296234542e52c58ea05e1ed0ac8cbba2d641244727c27c8a96fc0392e9")
}

// UnpackPriceCapExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PriceCapExceeded(uint256 amount, uint256 cap)
func (escrow *Escrow) UnpackPriceCapExceededError(raw []byte) (*EscrowPriceCapExceeded, error) {
	out := new(EscrowPriceCapExceeded)
	if err := escrow.abi.UnpackIntoInterface(out, "PriceCapExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Escrow contract.
type EscrowSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func EscrowSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (escrow *Escrow) UnpackSafeERC20FailedOperationError(raw []byte) (*EscrowSafeERC20FailedOperation, error) {
	out := new(EscrowSafeERC20FailedOperation)
	if err := escrow.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowStringTooLong represents a StringTooLong error raised by the Escrow contract.
type EscrowStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func EscrowStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (escrow *Escrow) UnpackStringTooLongError(raw []byte) (*EscrowStringTooLong, error) {
	out := new(EscrowStringTooLong)
	if err := escrow.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowVoucherAlreadyRedeemed represents a VoucherAlreadyRedeemed error raised by the Escrow contract.
type EscrowVoucherAlreadyRedeemed struct {
	CumulativeAmount *big.Int
	Redeemed         *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VoucherAlreadyRedeemed(uint256 cumulativeAmount, uint256 redeemed)
func EscrowVoucherAlreadyRedeemedErrorID() common.Hash {
	return common.HexToHash("0x4d5a0ae64c14213ab81070e93bb8f32a9e1689a4e56b6e2cfffd96d7e796b97d")
}

// UnpackVoucherAlreadyRedeemedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VoucherAlreadyRedeemed(uint256 cumulativeAmount, uint256 redeemed)
func (escrow *Escrow) UnpackVoucherAlreadyRedeemedError(raw []byte) (*EscrowVoucherAlreadyRedeemed, error) {
	out := new(EscrowVoucherAlreadyRedeemed)
	if err := escrow.abi.UnpackIntoInterface(out, "VoucherAlreadyRedeemed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowVoucherCeilingExceeded represents a VoucherCeilingExceeded error raised by the Escrow contract.
type EscrowVoucherCeilingExceeded struct {
	UpTo             *big.Int
	CumulativeAmount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VoucherCeilingExceeded(uint256 upTo, uint256 cumulativeAmount)
func EscrowVoucherCeilingExceededErrorID() common.Hash {
	return common.HexToHash("0xb18b6b8eaaaa53f958c7dbc465192c7cecb60a46ec2f868388e1ef239932f2f6")
}

// UnpackVoucherCeilingExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VoucherCeilingExceeded(uint256 upTo, uint256 cumulativeAmount)
func (escrow *Escrow) UnpackVoucherCeilingExceededError(raw []byte) (*EscrowVoucherCeilingExceeded, error) {
	out := new(EscrowVoucherCeilingExceeded)
	if err := escrow.abi.UnpackIntoInterface(out, "VoucherCeilingExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowVoucherExpired represents a VoucherExpired error raised by the Escrow contract.
type EscrowVoucherExpired struct {
	Expiry *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VoucherExpired(uint256 expiry)
func EscrowVoucherExpiredErrorID() common.Hash {
	return common.HexToHash("0x07185d516f2ad076154702d44817d6a410ff00d7e35d2e13a88bd1296e3b6f1c")
}

// UnpackVoucherExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VoucherExpired(uint256 expiry)
func (escrow *Escrow) UnpackVoucherExpiredError(raw []byte) (*EscrowVoucherExpired, error) {
	out := new(EscrowVoucherExpired)
	if err := escrow.abi.UnpackIntoInterface(out, "VoucherExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowWithdrawalNotReady represents a WithdrawalNotReady error raised by the Escrow contract.
type EscrowWithdrawalNotReady struct {
	WithdrawableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WithdrawalNotReady(uint256 withdrawableAt)
func EscrowWithdrawalNotReadyErrorID() common.Hash {
	return common.HexToHash("0x581a27f0926ffd123b426b20c91a079b24c048f6b54619a1f5e03c4019a80d05")
}

// UnpackWithdrawalNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WithdrawalNotReady(uint256 withdrawableAt)
func (escrow *Escrow) UnpackWithdrawalNotReadyError(raw []byte) (*EscrowWithdrawalNotReady, error) {
	out := new(EscrowWithdrawalNotReady)
	if err := escrow.abi.UnpackIntoInterface(out, "WithdrawalNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowZeroAddress represents a ZeroAddress error raised by the Escrow contract.
type EscrowZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func EscrowZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (escrow *Escrow) UnpackZeroAddressError(raw []byte) (*EscrowZeroAddress, error) {
	out := new(EscrowZeroAddress)
	if err := escrow.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EscrowZeroAmount represents a ZeroAmount error raised by the Escrow contract.
type EscrowZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func EscrowZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (escrow *Escrow) UnpackZeroAmountError(raw []byte) (*EscrowZeroAmount, error) {
	out := new(EscrowZeroAmount)
	if err := escrow.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCMetaData contains all meta data concerning the MockUSDC contract.
var MockUSDCMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "0ba27a3b9c4dc695ca1226bf8fcc83c527",
	Bin: "0x608060405234801561000f575f5ffd5b506040518060400160405280600d81526020016c26b7b1b5902aa9a21021b7b4b760991b815250604051806040016040528060048152602001635553444360e01b8152508160039081610062919061011a565b50600461006f828261011a565b5050506101d8565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061009f57607f821691505b6020821081036100bd57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610115578282111561011557805f5260205f20601f840160051c60208510156100ee57505f5b90810190601f840160051c035f5b81811015610111575f838201556001016100fc565b5050505b505050565b81516001600160401b0381111561013357610133610077565b61014781610141845461008b565b846100c3565b6020601f821160018114610179575f83156101625750848201515b5f19600385901b1c1916600184901b1784556101d1565b5f84815260208120601f198516915b828110156101a85787850151825560209485019460019092019101610188565b50848210156101c557868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b610993806101e55f395ff3fe608060405234801561000f575f5ffd5b50600436106100b9575f3560e01c806340c10f191161007257806395d89b411161005857806395d89b411461017c578063a9059cbb14610184578063dd62ed3e14610197575f5ffd5b806340c10f191461013257806370a0823114610147575f5ffd5b806318160ddd116100a257806318160ddd146100fe57806323b872dd14610110578063313ce56714610123575f5ffd5b806306fdde03146100bd578063095ea7b3146100db575b5f5ffd5b6100c56101dc565b6040516100d291906107a6565b60405180910390f35b6100ee6100e9366004610821565b61026c565b60405190151581526020016100d2565b6002545b6040519081526020016100d2565b6100ee61011e366004610849565b610285565b604051600681526020016100d2565b610145610140366004610821565b6102a8565b005b610102610155366004610883565b73ffffffffffffffffffffffffffffffffffffffff165f9081526020819052604090205490565b6100c56102b6565b6100ee610192366004610821565b6102c5565b6101026101a53660046108a3565b73ffffffffffffffffffffffffffffffffffffffff9182165f90815260016020908152604080832093909416825291909152205490565b6060600380546101eb906108d4565b80601f0160208091040260200160405190810160405280929190818152602001828054610217906108d4565b80156102625780601f1061023957610100808354040283529160200191610262565b820191905f5260205f20905b81548152906001019060200180831161024557829003601f168201915b5050505050905090565b5f336102798185856102d2565b60019150505b92915050565b5f336102928582856102e4565b61029d8585856103b7565b506001949350505050565b6102b28282610460565b5050565b6060600480546101eb906108d4565b5f336102798185856103b7565b6102df83838360016104ba565b505050565b73ffffffffffffffffffffffffffffffffffffffff8381165f908152600160209081526040808320938616835292905220547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8110156103b157818110156103a3576040517ffb8f41b200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416600482015260248101829052604481018390526064015b60405180910390fd5b6103b184848484035f6104ba565b50505050565b73ffffffffffffffffffffffffffffffffffffffff8316610406576040517f96c6fd1e0000000000000000000000000000000000000000000000000000000081525f600482015260240161039a565b73ffffffffffffffffffffffffffffffffffffffff8216610455576040517fec442f050000000000000000000000000000000000000000000000000000000081525f600482015260240161039a565b6102df8383836105ff565b73ffffffffffffffffffffffffffffffffffffffff82166104af576040517fec442f050000000000000000000000000000000000000000000000000000000081525f600482015260240161039a565b6102b25f83836105ff565b73ffffffffffffffffffffffffffffffffffffffff8416610509576040517fe602df050000000000000000000000000000000000000000000000000000000081525f600482015260240161039a565b73ffffffffffffffffffffffffffffffffffffffff8316610558576040517f94280d620000000000000000000000000000000000000000000000000000000081525f600482015260240161039a565b73ffffffffffffffffffffffffffffffffffffffff8085165f90815260016020908152604080832093871683529290522082905580156103b1578273ffffffffffffffffffffffffffffffffffffffff168473ffffffffffffffffffffffffffffffffffffffff167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925846040516105f191815260200190565b60405180910390a350505050565b73ffffffffffffffffffffffffffffffffffffffff8316610636578060025f82825461062b9190610925565b909155506106e69050565b73ffffffffffffffffffffffffffffffffffffffff83165f90815260208190526040902054818110156106bb576040517fe450d38c00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602481018290526044810183905260640161039a565b73ffffffffffffffffffffffffffffffffffffffff84165f9081526020819052604090209082900390555b73ffffffffffffffffffffffffffffffffffffffff821661070f5760028054829003905561073a565b73ffffffffffffffffffffffffffffffffffffffff82165f9081526020819052604090208054820190555b8173ffffffffffffffffffffffffffffffffffffffff168373ffffffffffffffffffffffffffffffffffffffff167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161079991815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b803573ffffffffffffffffffffffffffffffffffffffff8116811461081c575f5ffd5b919050565b5f5f60408385031215610832575f5ffd5b61083b836107f9565b946020939093013593505050565b5f5f5f6060848603121561085b575f5ffd5b610864846107f9565b9250610872602085016107f9565b929592945050506040919091013590565b5f60208284031215610893575f5ffd5b61089c826107f9565b9392505050565b5f5f604083850312156108b4575f5ffd5b6108bd836107f9565b91506108cb602084016107f9565b90509250929050565b600181811c908216806108e857607f821691505b60208210810361091f577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b8082018082111561027f577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffdfea2646970667358221220b9bb69275c8cc4506a346198923a38e58566cac7122cfa328e25189207e3eb7364736f6c63430008250033",
}

// MockUSDC is an auto generated Go binding around an Ethereum contract.
type MockUSDC struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MockUSDC) GetABI() abi.ABI {
	return c.abi
}

// NewMockUSDC creates a new instance of MockUSDC.
func NewMockUSDC() *MockUSDC {
	parsed, err := MockUSDCMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MockUSDC{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MockUSDC) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (mockUSDC *MockUSDC) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := mockUSDC.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (mockUSDC *MockUSDC) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return mockUSDC.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (mockUSDC *MockUSDC) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := mockUSDC.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := mockUSDC.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return mockUSDC.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) UnpackApprove(data []byte) (bool, error) {
	out, err := mockUSDC.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (mockUSDC *MockUSDC) PackBalanceOf(account common.Address) []byte {
	enc, err := mockUSDC.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (mockUSDC *MockUSDC) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return mockUSDC.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (mockUSDC *MockUSDC) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := mockUSDC.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() pure returns(uint8)
func (mockUSDC *MockUSDC) PackDecimals() []byte {
	enc, err := mockUSDC.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() pure returns(uint8)
func (mockUSDC *MockUSDC) TryPackDecimals() ([]byte, error) {
	return mockUSDC.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (mockUSDC *MockUSDC) UnpackDecimals(data []byte) (uint8, error) {
	out, err := mockUSDC.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (mockUSDC *MockUSDC) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := mockUSDC.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (mockUSDC *MockUSDC) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return mockUSDC.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (mockUSDC *MockUSDC) PackName() []byte {
	enc, err := mockUSDC.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (mockUSDC *MockUSDC) TryPackName() ([]byte, error) {
	return mockUSDC.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (mockUSDC *MockUSDC) UnpackName(data []byte) (string, error) {
	out, err := mockUSDC.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (mockUSDC *MockUSDC) PackSymbol() []byte {
	enc, err := mockUSDC.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (mockUSDC *MockUSDC) TryPackSymbol() ([]byte, error) {
	return mockUSDC.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (mockUSDC *MockUSDC) UnpackSymbol(data []byte) (string, error) {
	out, err := mockUSDC.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (mockUSDC *MockUSDC) PackTotalSupply() []byte {
	enc, err := mockUSDC.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (mockUSDC *MockUSDC) TryPackTotalSupply() ([]byte, error) {
	return mockUSDC.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (mockUSDC *MockUSDC) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := mockUSDC.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := mockUSDC.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return mockUSDC.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) UnpackTransfer(data []byte) (bool, error) {
	out, err := mockUSDC.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := mockUSDC.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return mockUSDC.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (mockUSDC *MockUSDC) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := mockUSDC.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// MockUSDCApproval represents a Approval event raised by the MockUSDC contract.
type MockUSDCApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MockUSDCApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (MockUSDCApproval) ContractEventName() string {
	return MockUSDCApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (mockUSDC *MockUSDC) UnpackApprovalEvent(log *types.Log) (*MockUSDCApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mockUSDC.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MockUSDCApproval)
	if len(log.Data) > 0 {
		if err := mockUSDC.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mockUSDC.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MockUSDCTransfer represents a Transfer event raised by the MockUSDC contract.
type MockUSDCTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const MockUSDCTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (MockUSDCTransfer) ContractEventName() string {
	return MockUSDCTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (mockUSDC *MockUSDC) UnpackTransferEvent(log *types.Log) (*MockUSDCTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mockUSDC.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MockUSDCTransfer)
	if len(log.Data) > 0 {
		if err := mockUSDC.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mockUSDC.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (mockUSDC *MockUSDC) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockUSDC.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return mockUSDC.UnpackERC20InvalidSpenderError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MockUSDCERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the MockUSDC contract.
type MockUSDCERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func MockUSDCERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (mockUSDC *MockUSDC) UnpackERC20InsufficientAllowanceError(raw []byte) (*MockUSDCERC20InsufficientAllowance, error) {
	out := new(MockUSDCERC20InsufficientAllowance)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the MockUSDC contract.
type MockUSDCERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func MockUSDCERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (mockUSDC *MockUSDC) UnpackERC20InsufficientBalanceError(raw []byte) (*MockUSDCERC20InsufficientBalance, error) {
	out := new(MockUSDCERC20InsufficientBalance)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCERC20InvalidApprover represents a ERC20InvalidApprover error raised by the MockUSDC contract.
type MockUSDCERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func MockUSDCERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (mockUSDC *MockUSDC) UnpackERC20InvalidApproverError(raw []byte) (*MockUSDCERC20InvalidApprover, error) {
	out := new(MockUSDCERC20InvalidApprover)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the MockUSDC contract.
type MockUSDCERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func MockUSDCERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (mockUSDC *MockUSDC) UnpackERC20InvalidReceiverError(raw []byte) (*MockUSDCERC20InvalidReceiver, error) {
	out := new(MockUSDCERC20InvalidReceiver)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCERC20InvalidSender represents a ERC20InvalidSender error raised by the MockUSDC contract.
type MockUSDCERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func MockUSDCERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (mockUSDC *MockUSDC) UnpackERC20InvalidSenderError(raw []byte) (*MockUSDCERC20InvalidSender, error) {
	out := new(MockUSDCERC20InvalidSender)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockUSDCERC20InvalidSpender represents a ERC20InvalidSpender error raised by the MockUSDC contract.
type MockUSDCERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func MockUSDCERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (mockUSDC *MockUSDC) UnpackERC20InvalidSpenderError(raw []byte) (*MockUSDCERC20InvalidSpender, error) {
	out := new(MockUSDCERC20InvalidSpender)
	if err := mockUSDC.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryMetaData contains all meta data concerning the Registry contract.
var RegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bond_\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"lease_\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"grace_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"InvalidField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"InvalidName\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"NameTaken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoRefund\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotProviderOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"reclaimableAt\",\"type\":\"uint256\"}],\"name\":\"NotReclaimable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"UnknownProvider\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"WrongBond\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ProviderDeregistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reclaimer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refund\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bounty\",\"type\":\"uint256\"}],\"name\":\"ProviderReclaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expires\",\"type\":\"uint64\"}],\"name\":\"ProviderRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expires\",\"type\":\"uint64\"}],\"name\":\"ProviderRenewed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expires\",\"type\":\"uint64\"}],\"name\":\"ProviderUpdated\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_ENDPOINT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_METADATA_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_NAME_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SEALING_KEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECLAIM_BOUNTY_BPS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REFUND_GAS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"deregister\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"grace\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lease\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"list\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"},{\"internalType\":\"uint64\",\"name\":\"expires\",\"type\":\"uint64\"}],\"internalType\":\"structRegistry.Provider[]\",\"name\":\"out\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"lookup\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"},{\"internalType\":\"uint64\",\"name\":\"expires\",\"type\":\"uint64\"}],\"internalType\":\"structRegistry.Provider\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"providerCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"reclaim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"refunds\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"renew\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"update\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawRefund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "4c347eb73970d7ec769543769c0bfc3a9f",
	Bin: "0x60e060405234801561000f575f5ffd5b5060405161280438038061280483398101604081905261002e916100ae565b610e10826001600160401b0316101561007657604051632f0f75dd60e01b81526020600482015260056024820152646c6561736560d81b604482015260640160405180910390fd5b6080929092526001600160401b0390811660a0521660c0526100e7565b80516001600160401b03811681146100a9575f5ffd5b919050565b5f5f5f606084860312156100c0575f5ffd5b835192506100d060208501610093565b91506100de60408501610093565b90509250925092565b60805160a05160c05161269f6101655f395f8181610168015281816109470152610cd701525f81816102e101528181610a0101528181610b350152610dcb01525f81816101e501528181610bee01528181610c410152818161110e015281816115fc0152818161166d015281816116bc01526116f6015261269f5ff3fe60806040526004361061013d575f3560e01c8063bc3da535116100bb578063d520a17411610071578063e5f2226611610057578063e5f2226614610369578063e8868e9f1461037e578063f67187ac14610392575f5ffd5b8063d520a17414610337578063e5b7afaa1461034a575f5ffd5b8063c998eef4116100a1578063c998eef4146102d0578063ca7a420b14610303578063d448b24d14610322575f5ffd5b8063bc3da53514610290578063c85d3eb0146102bb575f5ffd5b806374c832681161011057806386074985116100f6578063860749851461023e578063a40d52ea14610252578063a4a9a61214610271575f5ffd5b806374c83268146102155780637c53f30f14610229575f5ffd5b8063110f8874146101415780631eefddb11461015757806350fd7367146101a857806364c9ec6f146101d4575b5f5ffd5b34801561014c575f5ffd5b506101556103be565b005b348015610162575f5ffd5b5061018a7f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff90911681526020015b60405180910390f35b3480156101b3575f5ffd5b506101c76101c2366004611d72565b610499565b60405161019f9190611ea5565b3480156101df575f5ffd5b506102077f000000000000000000000000000000000000000000000000000000000000000081565b60405190815260200161019f565b348015610220575f5ffd5b50600354610207565b348015610234575f5ffd5b506102076103e881565b348015610249575f5ffd5b50610207603f81565b34801561025d575f5ffd5b5061015561026c366004611f6b565b6108b1565b34801561027c575f5ffd5b5061015561028b366004611f6b565b6109ee565b34801561029b575f5ffd5b506102076102aa366004611faa565b5f6020819052908152604090205481565b3480156102c6575f5ffd5b5061020761020081565b3480156102db575f5ffd5b5061018a7f000000000000000000000000000000000000000000000000000000000000000081565b34801561030e575f5ffd5b5061015561031d366004611fe4565b610aa3565b34801561032d575f5ffd5b5061020761271081565b610155610345366004611fe4565b610bec565b348015610355575f5ffd5b50610155610364366004611f6b565b61108d565b348015610374575f5ffd5b5061020761080081565b348015610389575f5ffd5b50610207608081565b34801561039d575f5ffd5b506103b16103ac366004611f6b565b611132565b60405161019f91906120d6565b335f9081526020819052604081205490819003610407576040517fc6dfc20100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f818152602081905260408082208290555190919083908381818185875af1925050503d805f8114610455576040519150601f19603f3d011682016040523d82523d5f602084013e61045a565b606091505b5050905080610495576040517f90b8ec1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5050565b6003546060908084106104ac57506108ab565b5f836104b88684612115565b106104cc576104c78486612128565b6104ce565b815b90506104da8582612115565b67ffffffffffffffff8111156104f2576104f261213b565b60405190808252806020026020018201604052801561058e57816020015b61057b6040518060e001604052805f73ffffffffffffffffffffffffffffffffffffffff1681526020015f6bffffffffffffffffffffffff168152602001606081526020016060815260200160608152602001606081526020015f67ffffffffffffffff1681525090565b8152602001906001900390816105105790505b509250845b818110156108a75760015f600383815481106105b1576105b1612168565b5f91825260208083209091015483528281019390935260409182019020815160e081018352815473ffffffffffffffffffffffffffffffffffffffff811682526bffffffffffffffffffffffff740100000000000000000000000000000000000000009091041693810193909352600181018054919284019161063390612195565b80601f016020809104026020016040519081016040528092919081815260200182805461065f90612195565b80156106aa5780601f10610681576101008083540402835291602001916106aa565b820191905f5260205f20905b81548152906001019060200180831161068d57829003601f168201915b505050505081526020016002820180546106c390612195565b80601f01602080910402602001604051908101604052809291908181526020018280546106ef90612195565b801561073a5780601f106107115761010080835404028352916020019161073a565b820191905f5260205f20905b81548152906001019060200180831161071d57829003601f168201915b5050505050815260200160038201805461075390612195565b80601f016020809104026020016040519081016040528092919081815260200182805461077f90612195565b80156107ca5780601f106107a1576101008083540402835291602001916107ca565b820191905f5260205f20905b8154815290600101906020018083116107ad57829003601f168201915b505050505081526020016004820180546107e390612195565b80601f016020809104026020016040519081016040528092919081815260200182805461080f90612195565b801561085a5780601f106108315761010080835404028352916020019161085a565b820191905f5260205f20905b81548152906001019060200180831161083d57829003601f168201915b50505091835250506005919091015467ffffffffffffffff16602090910152846108848884612115565b8151811061089457610894612168565b6020908102919091010152600101610593565b5050505b92915050565b5f82826040516108c29291906121e6565b6040518091039020905060025f8281526020019081526020015f20545f036109235782826040517fe82a149600000000000000000000000000000000000000000000000000000000815260040161091a92919061223c565b60405180910390fd5b5f818152600160205260408120600581015490919061096f9067ffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000081169116612128565b9050804210156109b1578484826040517f0536235100000000000000000000000000000000000000000000000000000000815260040161091a93929190612257565b815473ffffffffffffffffffffffffffffffffffffffff166109d2846114c8565b6109dd8686836115f0565b6109e6816116b0565b505050505050565b5f6109f98383611729565b90505f610a267f00000000000000000000000000000000000000000000000000000000000000004261227a565b6005830180547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff831617905560405190915033907f45a9e04d50be8f65af24453bf5488f4a90a64987d4710282546d9a7de5146ccf90610a959087908790869061229a565b60405180910390a250505050565b610ab1878787878686611819565b5f610abc8a8a611729565b805473ffffffffffffffffffffffffffffffffffffffff16740100000000000000000000000000000000000000006bffffffffffffffffffffffff871602178155905060028101610b0e888a83612315565b5060038101610b1e868883612315565b5060048101610b2e838583612315565b505f610b5a7f00000000000000000000000000000000000000000000000000000000000000004261227a565b6005830180547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff831617905560405190915033907f99b623b82e872f72f1d1c48ecfeb6745f7a482acb69012cf8d492bb555b34f6e90610bd7908e908e908e908e908e908e908e908e908e908d906123ee565b60405180910390a25050505050505050505050565b7f00000000000000000000000000000000000000000000000000000000000000003414610c6d576040517f0c5e03da0000000000000000000000000000000000000000000000000000000081523460048201527f0000000000000000000000000000000000000000000000000000000000000000602482015260440161091a565b610c77898961196e565b610c85878787878686611819565b5f8989604051610c969291906121e6565b60408051918290039091205f81815260026020529182205490925015610d85575f8281526001602052604090206005810154610cff9067ffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000081169116612128565b421015610d555780546040517f92c81d1c00000000000000000000000000000000000000000000000000000000815261091a918e918e9173ffffffffffffffffffffffffffffffffffffffff1690600401612474565b805473ffffffffffffffffffffffffffffffffffffffff169150610d78836114c8565b610d838c8c846115f0565b505b600380546001810182557fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b01839055545f83815260026020526040812091909155610df07f00000000000000000000000000000000000000000000000000000000000000004261227a565b90506040518060e001604052803373ffffffffffffffffffffffffffffffffffffffff168152602001876bffffffffffffffffffffffff1681526020018d8d8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250505090825250604080516020601f8e018190048102820181019092528c815291810191908d908d90819084018382808284375f92019190915250505090825250604080516020601f8c018190048102820181019092528a815291810191908b908b90819084018382808284375f92019190915250505090825250604080516020601f8901819004810282018101909252878152918101919088908890819084018382808284375f92018290525093855250505067ffffffffffffffff841660209283015285815260018083526040918290208451938501516bffffffffffffffffffffffff16740100000000000000000000000000000000000000000273ffffffffffffffffffffffffffffffffffffffff9094169390931783559083015190820190610f8c90826124ad565b5060608201516002820190610fa190826124ad565b5060808201516003820190610fb690826124ad565b5060a08201516004820190610fcb90826124ad565b5060c09190910151600590910180547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff90921691909117905560405133907f73b12b47e820253fc33f3dd4c927c301d4eb98a23b139b546331e3f8f243065590611052908f908f908f908f908f908f908f908f908f908d906123ee565b60405180910390a273ffffffffffffffffffffffffffffffffffffffff82161561107f5761107f826116b0565b505050505050505050505050565b6110978282611729565b506110b882826040516110ab9291906121e6565b60405180910390206114c8565b3373ffffffffffffffffffffffffffffffffffffffff167fcc62e077eb7b67ade21d0520cfec2aa12b305dd90cc6cd4079336fa9492c514f838360405161110092919061223c565b60405180910390a2610495337f0000000000000000000000000000000000000000000000000000000000000000611c72565b61119d6040518060e001604052805f73ffffffffffffffffffffffffffffffffffffffff1681526020015f6bffffffffffffffffffffffff168152602001606081526020016060815260200160608152602001606081526020015f67ffffffffffffffff1681525090565b5f83836040516111ae9291906121e6565b6040518091039020905060025f8281526020019081526020015f20545f036112065783836040517fe82a149600000000000000000000000000000000000000000000000000000000815260040161091a92919061223c565b5f81815260016020818152604092839020835160e081018552815473ffffffffffffffffffffffffffffffffffffffff811682527401000000000000000000000000000000000000000090046bffffffffffffffffffffffff16928101929092529182018054919384019161127a90612195565b80601f01602080910402602001604051908101604052809291908181526020018280546112a690612195565b80156112f15780601f106112c8576101008083540402835291602001916112f1565b820191905f5260205f20905b8154815290600101906020018083116112d457829003601f168201915b5050505050815260200160028201805461130a90612195565b80601f016020809104026020016040519081016040528092919081815260200182805461133690612195565b80156113815780601f1061135857610100808354040283529160200191611381565b820191905f5260205f20905b81548152906001019060200180831161136457829003601f168201915b5050505050815260200160038201805461139a90612195565b80601f01602080910402602001604051908101604052809291908181526020018280546113c690612195565b80156114115780601f106113e857610100808354040283529160200191611411565b820191905f5260205f20905b8154815290600101906020018083116113f457829003601f168201915b5050505050815260200160048201805461142a90612195565b80601f016020809104026020016040519081016040528092919081815260200182805461145690612195565b80156114a15780601f10611478576101008083540402835291602001916114a1565b820191905f5260205f20905b81548152906001019060200180831161148457829003601f168201915b50505091835250506005919091015467ffffffffffffffff16602090910152949350505050565b5f81815260026020526040902054600354808214611548575f60036114ee600184612115565b815481106114fe576114fe612168565b905f5260205f20015490508060036001856115199190612115565b8154811061152957611529612168565b5f91825260208083209091019290925591825260029052604090208290555b600380548061155957611559612586565b5f828152602080822083015f199081018390559092019092558482526002815260408083208390556001918290528220828155919061159a90830182611d25565b6115a7600283015f611d25565b6115b4600383015f611d25565b6115c1600483015f611d25565b5060050180547fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000169055505050565b5f6127106116206103e87f00000000000000000000000000000000000000000000000000000000000000006125b3565b61162a91906125ca565b90503373ffffffffffffffffffffffffffffffffffffffff83167f187292c97673eb3b14d7b079a8ffbcabd76e58697932d909af47a95053b471698686611691867f0000000000000000000000000000000000000000000000000000000000000000612115565b866040516116a29493929190612602565b60405180910390a350505050565b5f6127106116e06103e87f00000000000000000000000000000000000000000000000000000000000000006125b3565b6116ea91906125ca565b905061171f8261171a837f0000000000000000000000000000000000000000000000000000000000000000612115565b611c72565b6104953382611c72565b5f5f838360405161173b9291906121e6565b6040518091039020905060025f8281526020019081526020015f20545f036117935783836040517fe82a149600000000000000000000000000000000000000000000000000000000815260040161091a92919061223c565b5f818152600160205260409020805490925073ffffffffffffffffffffffffffffffffffffffff1633146118125781546040517f5c84161c00000000000000000000000000000000000000000000000000000000815261091a918691869173ffffffffffffffffffffffffffffffffffffffff16903390600401612628565b5092915050565b841580611827575061020085115b1561188e576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600860248201527f656e64706f696e74000000000000000000000000000000000000000000000000604482015260640161091a565b82158061189c575061080083115b15611903576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600a60248201527f7365616c696e674b657900000000000000000000000000000000000000000000604482015260640161091a565b60808111156109e6576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600b60248201527f6d65746164617461434944000000000000000000000000000000000000000000604482015260640161091a565b81818080158061197e5750603f81115b806119e5575082825f81811061199657611996612168565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f2d00000000000000000000000000000000000000000000000000000000000000145b80611a56575082826119f8600184612115565b818110611a0757611a07612168565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f2d00000000000000000000000000000000000000000000000000000000000000145b15611a915784846040517f7f19f48d00000000000000000000000000000000000000000000000000000000815260040161091a92919061223c565b5f5b818110156109e6575f848483818110611aae57611aae612168565b909101357fff00000000000000000000000000000000000000000000000000000000000000169150507f61000000000000000000000000000000000000000000000000000000000000008110801590611b4957507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821611155b80611be357507f30000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821610801590611be357507f39000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821611155b80611c2f57507f2d000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008216145b611c695786866040517f7f19f48d00000000000000000000000000000000000000000000000000000000815260040161091a92919061223c565b50600101611a93565b805f03611c7d575050565b5f8273ffffffffffffffffffffffffffffffffffffffff1682612710906040515f60405180830381858888f193505050503d805f8114611cd8576040519150601f19603f3d011682016040523d82523d5f602084013e611cdd565b606091505b5050905080611d205773ffffffffffffffffffffffffffffffffffffffff83165f9081526020819052604081208054849290611d1a908490612128565b90915550505b505050565b508054611d3190612195565b5f825580601f10611d40575050565b601f0160209004905f5260205f2090611d599190611d5b565b565b5f5b80821115611d20575f81840155600101611d5d565b5f5f60408385031215611d83575f5ffd5b50508035926020909101359150565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b73ffffffffffffffffffffffffffffffffffffffff81511682525f6020820151611e1860208501826bffffffffffffffffffffffff169052565b50604082015160e06040850152611e3260e0850182611d92565b905060608301518482036060860152611e4b8282611d92565b91505060808301518482036080860152611e658282611d92565b91505060a083015184820360a0860152611e7f8282611d92565b91505060c0830151611e9d60c086018267ffffffffffffffff169052565b509392505050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b82811015611f1a577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc0878603018452611f05858351611dde565b94506020938401939190910190600101611ecb565b50929695505050505050565b5f5f83601f840112611f36575f5ffd5b50813567ffffffffffffffff811115611f4d575f5ffd5b602083019150836020828501011115611f64575f5ffd5b9250929050565b5f5f60208385031215611f7c575f5ffd5b823567ffffffffffffffff811115611f92575f5ffd5b611f9e85828601611f26565b90969095509350505050565b5f60208284031215611fba575f5ffd5b813573ffffffffffffffffffffffffffffffffffffffff81168114611fdd575f5ffd5b9392505050565b5f5f5f5f5f5f5f5f5f60a08a8c031215611ffc575f5ffd5b893567ffffffffffffffff811115612012575f5ffd5b61201e8c828d01611f26565b909a5098505060208a013567ffffffffffffffff81111561203d575f5ffd5b6120498c828d01611f26565b90985096505060408a013567ffffffffffffffff811115612068575f5ffd5b6120748c828d01611f26565b90965094505060608a01356bffffffffffffffffffffffff81168114612098575f5ffd5b925060808a013567ffffffffffffffff8111156120b3575f5ffd5b6120bf8c828d01611f26565b915080935050809150509295985092959850929598565b602081525f611fdd6020830184611dde565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b818103818111156108ab576108ab6120e8565b808201808211156108ab576108ab6120e8565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b600181811c908216806121a957607f821691505b6020821081036121e0577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b818382375f9101908152919050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b602081525f61224f6020830184866121f5565b949350505050565b604081525f61226a6040830185876121f5565b9050826020830152949350505050565b67ffffffffffffffff81811683821601908111156108ab576108ab6120e8565b604081525f6122ad6040830185876121f5565b905067ffffffffffffffff83166020830152949350505050565b601f821115611d205782821115611d2057805f5260205f20601f840160051c60208510156122f257505f5b90810190601f840160051c035f5b818110156109e6575f83820155600101612300565b67ffffffffffffffff83111561232d5761232d61213b565b6123418361233b8354612195565b836122c7565b5f601f841160018114612372575f851561235b5750838201355b5f19600387901b1c1916600186901b1783556123e7565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b828110156123bf578685013582556020948501946001909201910161239f565b50868210156123db575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b60c081525f61240160c083018c8e6121f5565b8281036020840152612414818b8d6121f5565b9050828103604084015261242981898b6121f5565b90506bffffffffffffffffffffffff8716606084015282810360808401526124528186886121f5565b91505067ffffffffffffffff831660a08301529b9a5050505050505050505050565b604081525f6124876040830185876121f5565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b815167ffffffffffffffff8111156124c7576124c761213b565b6124db816124d58454612195565b846122c7565b6020601f82116001811461250d575f83156124f65750848201515b5f19600385901b1c1916600184901b1784556123e7565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b8281101561255a578785015182556020948501946001909201910161253a565b508482101561257757868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b80820281158282048414176108ab576108ab6120e8565b5f826125fd577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b606081525f6126156060830186886121f5565b6020830194909452506040015292915050565b606081525f61263b6060830186886121f5565b73ffffffffffffffffffffffffffffffffffffffff948516602084015292909316604090910152939250505056fea2646970667358221220ed2cd2154a68cf050e585d3858064375812ffe4d5094d3ed92e924daa142b27664736f6c63430008250033",
}

// Registry is an auto generated Go binding around an Ethereum contract.
type Registry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Registry) GetABI() abi.ABI {
	return c.abi
}

// NewRegistry creates a new instance of Registry.
func NewRegistry() *Registry {
	parsed, err := RegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Registry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Registry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint256 bond_, uint64 lease_, uint64 grace_) returns()
func (registry *Registry) PackConstructor(bond_ *big.Int, lease_ uint64, grace_ uint64) []byte {
	enc, err := registry.abi.Pack("", bond_, lease_, grace_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXENDPOINTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc85d3eb0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (registry *Registry) PackMAXENDPOINTLENGTH() []byte {
	enc, err := registry.abi.Pack("MAX_ENDPOINT_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXENDPOINTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc85d3eb0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (registry *Registry) TryPackMAXENDPOINTLENGTH() ([]byte, error) {
	return registry.abi.Pack("MAX_ENDPOINT_LENGTH")
}

// UnpackMAXENDPOINTLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc85d3eb0.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (registry *Registry) UnpackMAXENDPOINTLENGTH(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("MAX_ENDPOINT_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXMETADATALENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8868e9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (registry *Registry) PackMAXMETADATALENGTH() []byte {
	enc, err := registry.abi.Pack("MAX_METADATA_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXMETADATALENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8868e9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (registry *Registry) TryPackMAXMETADATALENGTH() ([]byte, error) {
	return registry.abi.Pack("MAX_METADATA_LENGTH")
}

// UnpackMAXMETADATALENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe8868e9f.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (registry *Registry) UnpackMAXMETADATALENGTH(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("MAX_METADATA_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXNAMELENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86074985.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (registry *Registry) PackMAXNAMELENGTH() []byte {
	enc, err := registry.abi.Pack("MAX_NAME_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXNAMELENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86074985.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (registry *Registry) TryPackMAXNAMELENGTH() ([]byte, error) {
	return registry.abi.Pack("MAX_NAME_LENGTH")
}

// UnpackMAXNAMELENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x86074985.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (registry *Registry) UnpackMAXNAMELENGTH(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("MAX_NAME_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSEALINGKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5f22266.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SEALING_KEY_LENGTH() view returns(uint256)
func (registry *Registry) PackMAXSEALINGKEYLENGTH() []byte {
	enc, err := registry.abi.Pack("MAX_SEALING_KEY_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSEALINGKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5f22266.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SEALING_KEY_LENGTH() view returns(uint256)
func (registry *Registry) TryPackMAXSEALINGKEYLENGTH() ([]byte, error) {
	return registry.abi.Pack("MAX_SEALING_KEY_LENGTH")
}

// UnpackMAXSEALINGKEYLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe5f22266.
//
// Solidity: function MAX_SEALING_KEY_LENGTH() view returns(uint256)
func (registry *Registry) UnpackMAXSEALINGKEYLENGTH(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("MAX_SEALING_KEY_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRECLAIMBOUNTYBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c53f30f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function RECLAIM_BOUNTY_BPS() view returns(uint256)
func (registry *Registry) PackRECLAIMBOUNTYBPS() []byte {
	enc, err := registry.abi.Pack("RECLAIM_BOUNTY_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRECLAIMBOUNTYBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c53f30f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function RECLAIM_BOUNTY_BPS() view returns(uint256)
func (registry *Registry) TryPackRECLAIMBOUNTYBPS() ([]byte, error) {
	return registry.abi.Pack("RECLAIM_BOUNTY_BPS")
}

// UnpackRECLAIMBOUNTYBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7c53f30f.
//
// Solidity: function RECLAIM_BOUNTY_BPS() view returns(uint256)
func (registry *Registry) UnpackRECLAIMBOUNTYBPS(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("RECLAIM_BOUNTY_BPS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackREFUNDGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd448b24d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REFUND_GAS() view returns(uint256)
func (registry *Registry) PackREFUNDGAS() []byte {
	enc, err := registry.abi.Pack("REFUND_GAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREFUNDGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd448b24d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REFUND_GAS() view returns(uint256)
func (registry *Registry) TryPackREFUNDGAS() ([]byte, error) {
	return registry.abi.Pack("REFUND_GAS")
}

// UnpackREFUNDGAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd448b24d.
//
// Solidity: function REFUND_GAS() view returns(uint256)
func (registry *Registry) UnpackREFUNDGAS(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("REFUND_GAS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64c9ec6f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bond() view returns(uint256)
func (registry *Registry) PackBond() []byte {
	enc, err := registry.abi.Pack("bond")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64c9ec6f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bond() view returns(uint256)
func (registry *Registry) TryPackBond() ([]byte, error) {
	return registry.abi.Pack("bond")
}

// UnpackBond is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x64c9ec6f.
//
// Solidity: function bond() view returns(uint256)
func (registry *Registry) UnpackBond(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("bond", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDeregister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5b7afaa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deregister(string name) returns()
func (registry *Registry) PackDeregister(name string) []byte {
	enc, err := registry.abi.Pack("deregister", name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeregister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5b7afaa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deregister(string name) returns()
func (registry *Registry) TryPackDeregister(name string) ([]byte, error) {
	return registry.abi.Pack("deregister", name)
}

// PackGrace is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1eefddb1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grace() view returns(uint64)
func (registry *Registry) PackGrace() []byte {
	enc, err := registry.abi.Pack("grace")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrace is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1eefddb1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grace() view returns(uint64)
func (registry *Registry) TryPackGrace() ([]byte, error) {
	return registry.abi.Pack("grace")
}

// UnpackGrace is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1eefddb1.
//
// Solidity: function grace() view returns(uint64)
func (registry *Registry) UnpackGrace(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("grace", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackLease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc998eef4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lease() view returns(uint64)
func (registry *Registry) PackLease() []byte {
	enc, err := registry.abi.Pack("lease")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc998eef4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lease() view returns(uint64)
func (registry *Registry) TryPackLease() ([]byte, error) {
	return registry.abi.Pack("lease")
}

// UnpackLease is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc998eef4.
//
// Solidity: function lease() view returns(uint64)
func (registry *Registry) UnpackLease(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("lease", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackList is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50fd7367.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string,uint64)[] out)
func (registry *Registry) PackList(offset *big.Int, limit *big.Int) []byte {
	enc, err := registry.abi.Pack("list", offset, limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackList is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50fd7367.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string,uint64)[] out)
func (registry *Registry) TryPackList(offset *big.Int, limit *big.Int) ([]byte, error) {
	return registry.abi.Pack("list", offset, limit)
}

// UnpackList is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x50fd7367.
//
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string,uint64)[] out)
func (registry *Registry) UnpackList(data []byte) ([]RegistryProvider, error) {
	out, err := registry.abi.Unpack("list", data)
	if err != nil {
		return *new([]RegistryProvider), err
	}
	out0 := *abi.ConvertType(out[0], new([]RegistryProvider)).(*[]RegistryProvider)
	return out0, nil
}

// PackLookup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf67187ac.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string,uint64))
func (registry *Registry) PackLookup(name string) []byte {
	enc, err := registry.abi.Pack("lookup", name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLookup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf67187ac.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string,uint64))
func (registry *Registry) TryPackLookup(name string) ([]byte, error) {
	return registry.abi.Pack("lookup", name)
}

// UnpackLookup is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf67187ac.
//
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string,uint64))
func (registry *Registry) UnpackLookup(data []byte) (RegistryProvider, error) {
	out, err := registry.abi.Unpack("lookup", data)
	if err != nil {
		return *new(RegistryProvider), err
	}
	out0 := *abi.ConvertType(out[0], new(RegistryProvider)).(*RegistryProvider)
	return out0, nil
}

// PackProviderCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74c83268.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function providerCount() view returns(uint256)
func (registry *Registry) PackProviderCount() []byte {
	enc, err := registry.abi.Pack("providerCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProviderCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74c83268.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function providerCount() view returns(uint256)
func (registry *Registry) TryPackProviderCount() ([]byte, error) {
	return registry.abi.Pack("providerCount")
}

// UnpackProviderCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x74c83268.
//
// Solidity: function providerCount() view returns(uint256)
func (registry *Registry) UnpackProviderCount(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("providerCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa40d52ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reclaim(string name) returns()
func (registry *Registry) PackReclaim(name string) []byte {
	enc, err := registry.abi.Pack("reclaim", name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa40d52ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reclaim(string name) returns()
func (registry *Registry) TryPackReclaim(name string) ([]byte, error) {
	return registry.abi.Pack("reclaim", name)
}

// PackRefunds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc3da535.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refunds(address account) view returns(uint256)
func (registry *Registry) PackRefunds(account common.Address) []byte {
	enc, err := registry.abi.Pack("refunds", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefunds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc3da535.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refunds(address account) view returns(uint256)
func (registry *Registry) TryPackRefunds(account common.Address) ([]byte, error) {
	return registry.abi.Pack("refunds", account)
}

// UnpackRefunds is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbc3da535.
//
// Solidity: function refunds(address account) view returns(uint256)
func (registry *Registry) UnpackRefunds(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("refunds", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd520a174.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) payable returns()
func (registry *Registry) PackRegister(name string, endpoint string, sealingKey []byte, pricePerRequest *big.Int, metadataCID string) []byte {
	enc, err := registry.abi.Pack("register", name, endpoint, sealingKey, pricePerRequest, metadataCID)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd520a174.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) payable returns()
func (registry *Registry) TryPackRegister(name string, endpoint string, sealingKey []byte, pricePerRequest *big.Int, metadataCID string) ([]byte, error) {
	return registry.abi.Pack("register", name, endpoint, sealingKey, pricePerRequest, metadataCID)
}

// PackRenew is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4a9a612.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renew(string name) returns()
func (registry *Registry) PackRenew(name string) []byte {
	enc, err := registry.abi.Pack("renew", name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenew is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4a9a612.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renew(string name) returns()
func (registry *Registry) TryPackRenew(name string) ([]byte, error) {
	return registry.abi.Pack("renew", name)
}

// PackUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca7a420b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function update(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) returns()
func (registry *Registry) PackUpdate(name string, endpoint string, sealingKey []byte, pricePerRequest *big.Int, metadataCID string) []byte {
	enc, err := registry.abi.Pack("update", name, endpoint, sealingKey, pricePerRequest, metadataCID)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca7a420b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function update(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) returns()
func (registry *Registry) TryPackUpdate(name string, endpoint string, sealingKey []byte, pricePerRequest *big.Int, metadataCID string) ([]byte, error) {
	return registry.abi.Pack("update", name, endpoint, sealingKey, pricePerRequest, metadataCID)
}

// PackWithdrawRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x110f8874.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawRefund() returns()
func (registry *Registry) PackWithdrawRefund() []byte {
	enc, err := registry.abi.Pack("withdrawRefund")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x110f8874.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawRefund() returns()
func (registry *Registry) TryPackWithdrawRefund() ([]byte, error) {
	return registry.abi.Pack("withdrawRefund")
}

// RegistryProviderDeregistered represents a ProviderDeregistered event raised by the Registry contract.
type RegistryProviderDeregistered struct {
	Name  string
	Owner common.Address
	Raw   *types.Log // Blockchain specific contextual infos
}

const RegistryProviderDeregisteredEventName = "ProviderDeregistered"

// ContractEventName returns the user-defined event name.
func (RegistryProviderDeregistered) ContractEventName() string {
	return RegistryProviderDeregisteredEventName
}

// UnpackProviderDeregisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderDeregistered(string name, address indexed owner)
func (registry *Registry) UnpackProviderDeregisteredEvent(log *types.Log) (*RegistryProviderDeregistered, error) {
	event := "ProviderDeregistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProviderDeregistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryProviderReclaimed represents a ProviderReclaimed event raised by the Registry contract.
type RegistryProviderReclaimed struct {
	Name      string
	Owner     common.Address
	Reclaimer common.Address
	Refund    *big.Int
	Bounty    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const RegistryProviderReclaimedEventName = "ProviderReclaimed"

// ContractEventName returns the user-defined event name.
func (RegistryProviderReclaimed) ContractEventName() string {
	return RegistryProviderReclaimedEventName
}

// UnpackProviderReclaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderReclaimed(string name, address indexed owner, address indexed reclaimer, uint256 refund, uint256 bounty)
func (registry *Registry) UnpackProviderReclaimedEvent(log *types.Log) (*RegistryProviderReclaimed, error) {
	event := "ProviderReclaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProviderReclaimed)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryProviderRegistered represents a ProviderRegistered event raised by the Registry contract.
type RegistryProviderRegistered struct {
	Name            string
	Owner           common.Address
	Endpoint        string
	SealingKey      []byte
	PricePerRequest *big.Int
	MetadataCID     string
	Expires         uint64
	Raw             *types.Log // Blockchain specific contextual infos
}

const RegistryProviderRegisteredEventName = "ProviderRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryProviderRegistered) ContractEventName() string {
	return RegistryProviderRegisteredEventName
}

// UnpackProviderRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderRegistered(string name, address indexed owner, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID, uint64 expires)
func (registry *Registry) UnpackProviderRegisteredEvent(log *types.Log) (*RegistryProviderRegistered, error) {
	event := "ProviderRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProviderRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryProviderRenewed represents a ProviderRenewed event raised by the Registry contract.
type RegistryProviderRenewed struct {
	Name    string
	Owner   common.Address
	Expires uint64
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryProviderRenewedEventName = "ProviderRenewed"

// ContractEventName returns the user-defined event name.
func (RegistryProviderRenewed) ContractEventName() string {
	return RegistryProviderRenewedEventName
}

// UnpackProviderRenewedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderRenewed(string name, address indexed owner, uint64 expires)
func (registry *Registry) UnpackProviderRenewedEvent(log *types.Log) (*RegistryProviderRenewed, error) {
	event := "ProviderRenewed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProviderRenewed)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryProviderUpdated represents a ProviderUpdated event raised by the Registry contract.
type RegistryProviderUpdated struct {
	Name            string
	Owner           common.Address
	Endpoint        string
	SealingKey      []byte
	PricePerRequest *big.Int
	MetadataCID     string
	Expires         uint64
	Raw             *types.Log // Blockchain specific contextual infos
}

const RegistryProviderUpdatedEventName = "ProviderUpdated"

// ContractEventName returns the user-defined event name.
func (RegistryProviderUpdated) ContractEventName() string {
	return RegistryProviderUpdatedEventName
}

// UnpackProviderUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderUpdated(string name, address indexed owner, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID, uint64 expires)
func (registry *Registry) UnpackProviderUpdatedEvent(log *types.Log) (*RegistryProviderUpdated, error) {
	event := "ProviderUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProviderUpdated)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (registry *Registry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidField"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidName"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidNameError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NameTaken"].ID.Bytes()[:4]) {
		return registry.UnpackNameTakenError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NoRefund"].ID.Bytes()[:4]) {
		return registry.UnpackNoRefundError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotProviderOwner"].ID.Bytes()[:4]) {
		return registry.UnpackNotProviderOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotReclaimable"].ID.Bytes()[:4]) {
		return registry.UnpackNotReclaimableError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return registry.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownProvider"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["WrongBond"].ID.Bytes()[:4]) {
		return registry.UnpackWrongBondError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RegistryInvalidField represents a InvalidField error raised by the Registry contract.
type RegistryInvalidField struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidField(string field)
func RegistryInvalidFieldErrorID() common.Hash {
	return common.HexToHash("0x2f0f75dd0a6025df1a18565ad5c65c49cf15bf6cc49f5167c56d7e4b02d61d6e")
}

// UnpackInvalidFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidField(string field)
func (registry *Registry) UnpackInvalidFieldError(raw []byte) (*RegistryInvalidField, error) {
	out := new(RegistryInvalidField)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidName represents a InvalidName error raised by the Registry contract.
type RegistryInvalidName struct {
	Name string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidName(string name)
func RegistryInvalidNameErrorID() common.Hash {
	return common.HexToHash("0x7f19f48dde8e613f860c019d31af8a8d510a11cf10d77dbe19347df930db313d")
}

// UnpackInvalidNameError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidName(string name)
func (registry *Registry) UnpackInvalidNameError(raw []byte) (*RegistryInvalidName, error) {
	out := new(RegistryInvalidName)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidName", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNameTaken represents a NameTaken error raised by the Registry contract.
type RegistryNameTaken struct {
	Name  string
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NameTaken(string name, address owner)
func RegistryNameTakenErrorID() common.Hash {
	return common.HexToHash("0x92c81d1ce1ba1a0b9d82b7af30f27090ae1e031d9373de537e1f8965b90bc492")
}

// UnpackNameTakenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NameTaken(string name, address owner)
func (registry *Registry) UnpackNameTakenError(raw []byte) (*RegistryNameTaken, error) {
	out := new(RegistryNameTaken)
	if err := registry.abi.UnpackIntoInterface(out, "NameTaken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNoRefund represents a NoRefund error raised by the Registry contract.
type RegistryNoRefund struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoRefund()
func RegistryNoRefundErrorID() common.Hash {
	return common.HexToHash("0xc6dfc2013b06672c127c571f73bb4420b21ef30b64274f3c92234f2fce44ca0a")
}

// UnpackNoRefundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoRefund()
func (registry *Registry) UnpackNoRefundError(raw []byte) (*RegistryNoRefund, error) {
	out := new(RegistryNoRefund)
	if err := registry.abi.UnpackIntoInterface(out, "NoRefund", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotProviderOwner represents a NotProviderOwner error raised by the Registry contract.
type RegistryNotProviderOwner struct {
	Name   string
	Owner  common.Address
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotProviderOwner(string name, address owner, address caller)
func RegistryNotProviderOwnerErrorID() common.Hash {
	return common.HexToHash("0x5c84161ce5fdcc2e1ca80cbca67b16a99ec768d21421b44892243ebecd494b34")
}

// UnpackNotProviderOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotProviderOwner(string name, address owner, address caller)
func (registry *Registry) UnpackNotProviderOwnerError(raw []byte) (*RegistryNotProviderOwner, error) {
	out := new(RegistryNotProviderOwner)
	if err := registry.abi.UnpackIntoInterface(out, "NotProviderOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotReclaimable represents a NotReclaimable error raised by the Registry contract.
type RegistryNotReclaimable struct {
	Name          string
	ReclaimableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotReclaimable(string name, uint256 reclaimableAt)
func RegistryNotReclaimableErrorID() common.Hash {
	return common.HexToHash("0x0536235174c2fe237296b2b3234e0d7a93b8a0e7d6049d88201e04f740dd8333")
}

// UnpackNotReclaimableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotReclaimable(string name, uint256 reclaimableAt)
func (registry *Registry) UnpackNotReclaimableError(raw []byte) (*RegistryNotReclaimable, error) {
	out := new(RegistryNotReclaimable)
	if err := registry.abi.UnpackIntoInterface(out, "NotReclaimable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryTransferFailed represents a TransferFailed error raised by the Registry contract.
type RegistryTransferFailed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed()
func RegistryTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x90b8ec1877afffd816d05d9b13947f3ff18ec5851c38bad15ec2b710f92391b1")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed()
func (registry *Registry) UnpackTransferFailedError(raw []byte) (*RegistryTransferFailed, error) {
	out := new(RegistryTransferFailed)
	if err := registry.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryUnknownProvider represents a UnknownProvider error raised by the Registry contract.
type RegistryUnknownProvider struct {
	Name string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownProvider(string name)
func RegistryUnknownProviderErrorID() common.Hash {
	return common.HexToHash("0xe82a14967284a053dddd7a4118a22d2905f7367c0bc6cf3f99093a45ab308eed")
}

// UnpackUnknownProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownProvider(string name)
func (registry *Registry) UnpackUnknownProviderError(raw []byte) (*RegistryUnknownProvider, error) {
	out := new(RegistryUnknownProvider)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryWrongBond represents a WrongBond error raised by the Registry contract.
type RegistryWrongBond struct {
	Sent     *big.Int
	Required *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongBond(uint256 sent, uint256 required)
func RegistryWrongBondErrorID() common.Hash {
	return common.HexToHash("0x0c5e03da3c3575f08d387f0e59dfdfe46b22550c7a25676fffcb9251582e2c11")
}

// UnpackWrongBondError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongBond(uint256 sent, uint256 required)
func (registry *Registry) UnpackWrongBondError(raw []byte) (*RegistryWrongBond, error) {
	out := new(RegistryWrongBond)
	if err := registry.abi.UnpackIntoInterface(out, "WrongBond", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolMetaData contains all meta data concerning the RewardsPool contract.
var RewardsPoolMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"contractIFeeLedger\",\"name\":\"escrow\",\"type\":\"address\"},{\"internalType\":\"address[]\",\"name\":\"auditorSet\",\"type\":\"address[]\"},{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"epochLength\",\"type\":\"uint64\"},{\"internalType\":\"uint16\",\"name\":\"capBps\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"claimEpochs\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"claimedThrough\",\"type\":\"uint64\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"AlreadyRecycled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"opensAt\",\"type\":\"uint256\"}],\"name\":\"ClaimWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"closedAt\",\"type\":\"uint256\"}],\"name\":\"ClaimWindowOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"EpochAlreadyPublished\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"left\",\"type\":\"uint256\"}],\"name\":\"EpochExhausted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"endsAt\",\"type\":\"uint256\"}],\"name\":\"EpochNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"feesCumulative\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feesPaid\",\"type\":\"uint256\"}],\"name\":\"FeesOverstated\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"}],\"name\":\"InsufficientFunds\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"what\",\"type\":\"string\"}],\"name\":\"InvalidConfig\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"}],\"name\":\"NotEnoughSignatures\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"RewardAboveFeeCap\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"feesCumulative\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"EpochPublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sponsor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Funded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Recycled\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CAP_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CLAIM_EPOCHS\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"EPOCH_LENGTH\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"EPOCH_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"ESCROW\",\"outputs\":[{\"internalType\":\"contractIFeeLedger\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"START\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"THRESHOLD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"auditors\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"available\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feesCumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"claimDeadline\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"claimedThrough\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentEpoch\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"epochDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"epochEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"epochOf\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimed\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"recycled\",\"type\":\"bool\"}],\"internalType\":\"structRewardsPool.Epoch\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"feesBasis\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"fund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"funded\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"a\",\"type\":\"address\"}],\"name\":\"isAuditor\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"bytes[]\",\"name\":\"signatures\",\"type\":\"bytes[]\"}],\"name\":\"publishEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"recycle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reserved\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"rewarded\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "e225a62ea50223d015d219edc51428bd7f",
	Bin: "0x610160604052348015610010575f5ffd5b5060405161228238038061228283398101604081905261002f91610326565b6001600160a01b038716158061004c57506001600160a01b038616155b15610091576040516389a6198960e01b815260206004820152600f60248201526e746f6b656e206f7220657363726f7760881b60448201526064015b60405180910390fd5b83158061009e5750845184115b156100d8576040516389a6198960e01b81526020600482015260096024820152681d1a1c995cda1bdb1960ba1b6044820152606401610088565b826001600160401b03165f0361011f576040516389a6198960e01b815260206004820152600b60248201526a0cae0dec6d098cadccee8d60ab1b6044820152606401610088565b61ffff8216158061013657506127108261ffff1610155b1561016d576040516389a6198960e01b815260206004820152600660248201526563617042707360d01b6044820152606401610088565b806001600160401b03165f036101b4576040516389a6198960e01b815260206004820152600b60248201526a636c61696d45706f63687360a81b6044820152606401610088565b5f5b8551811015610275575f8682815181106101d2576101d2610453565b602002602001015190505f6001600160a01b0316816001600160a01b0316148061021357506001600160a01b0381165f9081526001602052604090205460ff165b1561024c576040516389a6198960e01b815260206004820152600860248201526761756469746f727360c01b6044820152606401610088565b6001600160a01b03165f908152600160208190526040909120805460ff191682179055016101b6565b505f6102818682610467565b506001600160a01b039687166080529490951660a0526001600160401b0342811660c05290811660e05261ffff9094166101005261012052501661014052610510565b6001600160a01b03811681146102d8575f5ffd5b50565b634e487b7160e01b5f52604160045260245ffd5b80516102fa816102c4565b919050565b80516001600160401b03811681146102fa575f5ffd5b805161ffff811681146102fa575f5ffd5b5f5f5f5f5f5f5f60e0888a03121561033c575f5ffd5b8751610347816102c4565b6020890151909750610358816102c4565b60408901519096506001600160401b03811115610373575f5ffd5b8801601f81018a13610383575f5ffd5b80516001600160401b0381111561039c5761039c6102db565b604051600582901b90603f8201601f191681016001600160401b03811182821017156103ca576103ca6102db565b60405291825260208184018101929081018d8411156103e7575f5ffd5b6020850194505b8385101561040d576103ff856102ef565b8152602094850194016103ee565b5060608c0151909850965061042992505060808a0190506102ff565b925061043760a08901610315565b915061044560c089016102ff565b905092959891949750929550565b634e487b7160e01b5f52603260045260245ffd5b81516001600160401b03811115610480576104806102db565b68010000000000000000811115610499576104996102db565b8154818355808210156104cd57825f528160205f20018282035f5b818110156104c9575f838201556001016104b4565b5050505b50602083016104e1835f9081526020902090565b5f5b838110156105085782516001600160a01b0316818301556020909201916001016104e3565b505050505050565b60805160a05160c05160e051610100516101205161014051611cc66105bc5f395f818161024a01526108a101525f81816102c60152818161077c01526107d101525f818161044a015261125f01525f81816103600152818161087d01528181610bb20152610c1e01525f818161039a01528181610bdd0152610c7701525f8181610423015261117301525f81816102ed01528181610ab601528181610e88015261147e0152611cc65ff3fe608060405234801561000f575f5ffd5b506004361061019a575f3560e01c8063832b3704116100e8578063ca1d209d11610093578063eb5e940b1161006e578063eb5e940b14610445578063f3a504f21461047f578063fadb476814610488578063fe60d12c146104d0575f5ffd5b8063ca1d209d146103f8578063e3f387ae1461040b578063e681c4aa1461041e575f5ffd5b8063ba9a061a116100c3578063ba9a061a14610395578063bd78f4cb146103bc578063c5b22c15146103cf575f5ffd5b8063832b370414610334578063ac4746ab1461035b578063b4683db214610382575f5ffd5b80634aeba1d811610148578063766718081161012357806376671808146102b9578063785ffb37146102c157806382bfefc8146102e8575f5ffd5b80634aeba1d8146102455780636237c876146102855780636d4593d2146102a4575f5ffd5b8063379f53e311610178578063379f53e3146101ec57806348a0d7541461020b57806349b9055714610213575f5ffd5b80630a2b88d01461019e57806322c9620e146101b357806325c96c43146101d9575b5f5ffd5b6101b16101ac366004611932565b6104d9565b005b6101c66101c1366004611995565b61086e565b6040519081526020015b60405180910390f35b6101b16101e7366004611995565b6108df565b6101c66101fa3660046119d1565b60076020525f908152604090205481565b6101c6610a80565b6102356102213660046119d1565b60016020525f908152604090205460ff1681565b60405190151581526020016101d0565b61026c7f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff90911681526020016101d0565b6101c66102933660046119d1565b60066020525f908152604090205481565b6102ac610b43565b6040516101d091906119ea565b61026c610baf565b6101c67f000000000000000000000000000000000000000000000000000000000000000081565b61030f7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016101d0565b6101c67f65c3306822c0f97a4324714c1047defb1cffcc2ca5180333fa1f78473c4a3b2281565b61026c7f000000000000000000000000000000000000000000000000000000000000000081565b6101c6610390366004611995565b610c1b565b61026c7f000000000000000000000000000000000000000000000000000000000000000081565b6101c66103ca366004611a42565b610c9c565b61026c6103dd3660046119d1565b60056020525f908152604090205467ffffffffffffffff1681565b6101b1610406366004611a72565b610dea565b6101b1610419366004611a89565b610eb3565b61030f7f000000000000000000000000000000000000000000000000000000000000000081565b61046c7f000000000000000000000000000000000000000000000000000000000000000081565b60405161ffff90911681526020016101d0565b6101c660035481565b61049b610496366004611995565b6114b5565b6040516101d0919081518152602080830151908201526040808301519082015260609182015115159181019190915260800190565b6101c660045481565b5f6104e386610c1b565b905080421015610537576040517fbc161c9d00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602481018290526044015b60405180910390fd5b67ffffffffffffffff86165f908152600260205260409020805415610594576040517f263189c000000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8816600482015260240161052e565b856105cb576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f6105d4610a80565b90508086111561061a576040517f03eb8b54000000000000000000000000000000000000000000000000000000008152600481018790526024810182905260440161052e565b5f610626898989610c9c565b90505f805b86811015610779575f5f610696858b8b8681811061064b5761064b611afc565b905060200281019061065d9190611b29565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061152e92505050565b5090925090505f8160038111156106af576106af611b8a565b1415806106e1575073ffffffffffffffffffffffffffffffffffffffff82165f9081526001602052604090205460ff16155b8061071857508373ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff1611155b1561076e576040517f96f864080000000000000000000000000000000000000000000000000000000081526004810184905273ffffffffffffffffffffffffffffffffffffffff8316602482015260440161052e565b50915060010161062b565b507f00000000000000000000000000000000000000000000000000000000000000008610156107fd576040517f79c193d2000000000000000000000000000000000000000000000000000000008152600481018790527f0000000000000000000000000000000000000000000000000000000000000000602482015260440161052e565b8760045f82825461080e9190611be4565b909155505088845560018401889055604080518a8152602081018a905267ffffffffffffffff8c16917ffbb1568230462c83801f3a2868f35dd2718b220a666d41173a2e80027eda7c1b910160405180910390a250505050505050505050565b5f6108c667ffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000008116907f000000000000000000000000000000000000000000000000000000000000000016611bf7565b6108cf83610c1b565b6108d99190611be4565b92915050565b67ffffffffffffffff81165f908152600260205260409020805461093b576040517fa4e21e6c00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8316600482015260240161052e565b600381015460ff1615610986576040517f92ffcc1f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8316600482015260240161052e565b5f6109908361086e565b9050804210156109df576040517fe9fcc3bc00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff841660048201526024810182905260440161052e565b6003820180547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660019081179091556002830154908301545f91610a2391611c0e565b90508060045f828254610a369190611c0e565b909155505060405181815267ffffffffffffffff8516907f6ca4f19c9fbc3f1f30689839e46f69627204fa1c1e71d0825b8c416e942011629060200160405180910390a250505050565b600480546040517f70a0823100000000000000000000000000000000000000000000000000000000815230928101929092525f917f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa158015610b10573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b349190611c21565b610b3e9190611c0e565b905090565b60605f805480602002602001604051908101604052809291908181526020018280548015610ba557602002820191905f5260205f20905b815473ffffffffffffffffffffffffffffffffffffffff168152600190910190602001808311610b7a575b5050505050905090565b5f7f000000000000000000000000000000000000000000000000000000000000000067ffffffffffffffff167f000000000000000000000000000000000000000000000000000000000000000067ffffffffffffffff1642610c119190611c0e565b610b3e9190611c38565b5f7f000000000000000000000000000000000000000000000000000000000000000067ffffffffffffffff168267ffffffffffffffff166001610c5e9190611be4565b610c689190611bf7565b6108d99067ffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016611be4565b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f6020808301919091527f2ea8574a1718e5faa594fb40d1261cfcd866c7d8e3446b3078c3935ad18f65ce828401527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608301524660808301523060a0808401919091528351808403909101815260c0830190935282519201919091207f65c3306822c0f97a4324714c1047defb1cffcc2ca5180333fa1f78473c4a3b2260e083015267ffffffffffffffff8516610100830152610120820184905261014082018390525f91610de190829061016001604051602081830303815290604052805190602001206040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b95945050505050565b805f03610e23576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8060035f828254610e349190611be4565b909155505060405181815233907f5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a5249060200160405180910390a2610eb073ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016333084611577565b50565b67ffffffffffffffff86165f9081526002602052604090208054610f0f576040517fa4e21e6c00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8816600482015260240161052e565b5f610f198861086e565b600383015490915060ff1680610f2f5750804210155b15610f79576040517f4b3ddc3800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff891660048201526024810182905260440161052e565b73ffffffffffffffffffffffffffffffffffffffff87165f9081526005602052604090205467ffffffffffffffff908116908916811115611016576040517f4d8e806000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8916600482015267ffffffffffffffff808b1660248301528216604482015260640161052e565b865f0361104f576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040805167ffffffffffffffff8b16602082015273ffffffffffffffffffffffffffffffffffffffff8a169181019190915260608101889052608081018790525f9060a001604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152828252805160209182012090830152016040516020818303038152906040528051906020012090506110f68686865f0154846115d9565b61112c576040517f09bde33900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040517f799ecb3400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a811660048301525f917f00000000000000000000000000000000000000000000000000000000000000009091169063799ecb3490602401602060405180830381865afa1580156111ba573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906111de9190611c21565b905080881115611224576040517f56522db0000000000000000000000000000000000000000000000000000000008152600481018990526024810182905260440161052e565b73ffffffffffffffffffffffffffffffffffffffff8a165f9081526006602052604081205490818a11611257575f61129d565b61271061ffff7f000000000000000000000000000000000000000000000000000000000000000016611289848d611c0e565b6112939190611bf7565b61129d9190611c38565b9050808b11156112e3576040517f1124bd39000000000000000000000000000000000000000000000000000000008152600481018c90526024810182905260440161052e565b5f876002015488600101546112f89190611c0e565b9050808c111561133e576040517fbe73b8ce000000000000000000000000000000000000000000000000000000008152600481018d90526024810182905260440161052e565b8b886002015f8282546113519190611be4565b925050819055508b60045f8282546113699190611c0e565b9091555061137a90508e6001611c70565b73ffffffffffffffffffffffffffffffffffffffff8e165f90815260056020908152604080832080547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff9590951694909417909355600681528282208e90556007905290812080548e92906113fa908490611be4565b925050819055508c73ffffffffffffffffffffffffffffffffffffffff168e67ffffffffffffffff167eba0e20624d3ca60bc20c3a05e2a036c6520db0972fb64eb80e2222a25fb04d8e8e60405161145c929190918252602082015260400190565b60405180910390a36114a573ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168e8e6115f0565b5050505050505050505050505050565b6114de60405180608001604052805f81526020015f81526020015f81526020015f151581525090565b5067ffffffffffffffff165f9081526002602081815260409283902083516080810185528154815260018201549281019290925291820154928101929092526003015460ff161515606082015290565b5f5f5f8351604103611565576020840151604085015160608601515f1a61155788828585611650565b955095509550505050611570565b505081515f91506002905b9250925092565b611585848484846001611743565b6115d3576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8516600482015260240161052e565b50505050565b5f826115e68686856117d6565b1495945050505050565b6115fd8383836001611817565b61164b576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416600482015260240161052e565b505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561168957505f91506003905082611739565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156116da573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661173057505f925060019150829050611739565b92505f91508190505b9450945094915050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f511483166117c55783831516156117b9573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f81815b8481101561180e57611804828787848181106117f8576117f8611afc565b9050602002013561189f565b91506001016117da565b50949350505050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f51148316611893578383151615611887573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f8183106118b9575f8281526020849052604090206118c7565b5f8381526020839052604090205b9392505050565b803567ffffffffffffffff811681146118e5575f5ffd5b919050565b5f5f83601f8401126118fa575f5ffd5b50813567ffffffffffffffff811115611911575f5ffd5b6020830191508360208260051b850101111561192b575f5ffd5b9250929050565b5f5f5f5f5f60808688031215611946575f5ffd5b61194f866118ce565b94506020860135935060408601359250606086013567ffffffffffffffff811115611978575f5ffd5b611984888289016118ea565b969995985093965092949392505050565b5f602082840312156119a5575f5ffd5b6118c7826118ce565b803573ffffffffffffffffffffffffffffffffffffffff811681146118e5575f5ffd5b5f602082840312156119e1575f5ffd5b6118c7826119ae565b602080825282518282018190525f918401906040840190835b81811015611a3757835173ffffffffffffffffffffffffffffffffffffffff16835260209384019390920191600101611a03565b509095945050505050565b5f5f5f60608486031215611a54575f5ffd5b611a5d846118ce565b95602085013595506040909401359392505050565b5f60208284031215611a82575f5ffd5b5035919050565b5f5f5f5f5f5f60a08789031215611a9e575f5ffd5b611aa7876118ce565b9550611ab5602088016119ae565b94506040870135935060608701359250608087013567ffffffffffffffff811115611ade575f5ffd5b611aea89828a016118ea565b979a9699509497509295939492505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112611b5c575f5ffd5b83018035915067ffffffffffffffff821115611b76575f5ffd5b60200191503681900382131561192b575f5ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808201808211156108d9576108d9611bb7565b80820281158282048414176108d9576108d9611bb7565b818103818111156108d9576108d9611bb7565b5f60208284031215611c31575f5ffd5b5051919050565b5f82611c6b577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b67ffffffffffffffff81811683821601908111156108d9576108d9611bb756fea264697066735822122082ac739ab424ca1e9ec988b59bcbea85e13ed8abe361538d5e90f28405ec4f7764736f6c63430008250033",
}

// RewardsPool is an auto generated Go binding around an Ethereum contract.
type RewardsPool struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RewardsPool) GetABI() abi.ABI {
	return c.abi
}

// NewRewardsPool creates a new instance of RewardsPool.
func NewRewardsPool() *RewardsPool {
	parsed, err := RewardsPoolMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RewardsPool{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RewardsPool) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token, address escrow, address[] auditorSet, uint256 threshold, uint64 epochLength, uint16 capBps, uint64 claimEpochs) returns()
func (rewardsPool *RewardsPool) PackConstructor(token common.Address, escrow common.Address, auditorSet []common.Address, threshold *big.Int, epochLength uint64, capBps uint16, claimEpochs uint64) []byte {
	enc, err := rewardsPool.abi.Pack("", token, escrow, auditorSet, threshold, epochLength, capBps, claimEpochs)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCAPBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb5e940b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CAP_BPS() view returns(uint16)
func (rewardsPool *RewardsPool) PackCAPBPS() []byte {
	enc, err := rewardsPool.abi.Pack("CAP_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCAPBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb5e940b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CAP_BPS() view returns(uint16)
func (rewardsPool *RewardsPool) TryPackCAPBPS() ([]byte, error) {
	return rewardsPool.abi.Pack("CAP_BPS")
}

// UnpackCAPBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb5e940b.
//
// Solidity: function CAP_BPS() view returns(uint16)
func (rewardsPool *RewardsPool) UnpackCAPBPS(data []byte) (uint16, error) {
	out, err := rewardsPool.abi.Unpack("CAP_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackCLAIMEPOCHS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aeba1d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLAIM_EPOCHS() view returns(uint64)
func (rewardsPool *RewardsPool) PackCLAIMEPOCHS() []byte {
	enc, err := rewardsPool.abi.Pack("CLAIM_EPOCHS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLAIMEPOCHS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aeba1d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLAIM_EPOCHS() view returns(uint64)
func (rewardsPool *RewardsPool) TryPackCLAIMEPOCHS() ([]byte, error) {
	return rewardsPool.abi.Pack("CLAIM_EPOCHS")
}

// UnpackCLAIMEPOCHS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4aeba1d8.
//
// Solidity: function CLAIM_EPOCHS() view returns(uint64)
func (rewardsPool *RewardsPool) UnpackCLAIMEPOCHS(data []byte) (uint64, error) {
	out, err := rewardsPool.abi.Unpack("CLAIM_EPOCHS", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackEPOCHLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac4746ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function EPOCH_LENGTH() view returns(uint64)
func (rewardsPool *RewardsPool) PackEPOCHLENGTH() []byte {
	enc, err := rewardsPool.abi.Pack("EPOCH_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEPOCHLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac4746ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function EPOCH_LENGTH() view returns(uint64)
func (rewardsPool *RewardsPool) TryPackEPOCHLENGTH() ([]byte, error) {
	return rewardsPool.abi.Pack("EPOCH_LENGTH")
}

// UnpackEPOCHLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xac4746ab.
//
// Solidity: function EPOCH_LENGTH() view returns(uint64)
func (rewardsPool *RewardsPool) UnpackEPOCHLENGTH(data []byte) (uint64, error) {
	out, err := rewardsPool.abi.Unpack("EPOCH_LENGTH", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackEPOCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x832b3704.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function EPOCH_TYPEHASH() view returns(bytes32)
func (rewardsPool *RewardsPool) PackEPOCHTYPEHASH() []byte {
	enc, err := rewardsPool.abi.Pack("EPOCH_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEPOCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x832b3704.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function EPOCH_TYPEHASH() view returns(bytes32)
func (rewardsPool *RewardsPool) TryPackEPOCHTYPEHASH() ([]byte, error) {
	return rewardsPool.abi.Pack("EPOCH_TYPEHASH")
}

// UnpackEPOCHTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x832b3704.
//
// Solidity: function EPOCH_TYPEHASH() view returns(bytes32)
func (rewardsPool *RewardsPool) UnpackEPOCHTYPEHASH(data []byte) ([32]byte, error) {
	out, err := rewardsPool.abi.Unpack("EPOCH_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackESCROW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe681c4aa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ESCROW() view returns(address)
func (rewardsPool *RewardsPool) PackESCROW() []byte {
	enc, err := rewardsPool.abi.Pack("ESCROW")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackESCROW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe681c4aa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ESCROW() view returns(address)
func (rewardsPool *RewardsPool) TryPackESCROW() ([]byte, error) {
	return rewardsPool.abi.Pack("ESCROW")
}

// UnpackESCROW is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe681c4aa.
//
// Solidity: function ESCROW() view returns(address)
func (rewardsPool *RewardsPool) UnpackESCROW(data []byte) (common.Address, error) {
	out, err := rewardsPool.abi.Unpack("ESCROW", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSTART is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba9a061a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function START() view returns(uint64)
func (rewardsPool *RewardsPool) PackSTART() []byte {
	enc, err := rewardsPool.abi.Pack("START")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSTART is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba9a061a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function START() view returns(uint64)
func (rewardsPool *RewardsPool) TryPackSTART() ([]byte, error) {
	return rewardsPool.abi.Pack("START")
}

// UnpackSTART is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xba9a061a.
//
// Solidity: function START() view returns(uint64)
func (rewardsPool *RewardsPool) UnpackSTART(data []byte) (uint64, error) {
	out, err := rewardsPool.abi.Unpack("START", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackTHRESHOLD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x785ffb37.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function THRESHOLD() view returns(uint256)
func (rewardsPool *RewardsPool) PackTHRESHOLD() []byte {
	enc, err := rewardsPool.abi.Pack("THRESHOLD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTHRESHOLD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x785ffb37.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function THRESHOLD() view returns(uint256)
func (rewardsPool *RewardsPool) TryPackTHRESHOLD() ([]byte, error) {
	return rewardsPool.abi.Pack("THRESHOLD")
}

// UnpackTHRESHOLD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x785ffb37.
//
// Solidity: function THRESHOLD() view returns(uint256)
func (rewardsPool *RewardsPool) UnpackTHRESHOLD(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("THRESHOLD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TOKEN() view returns(address)
func (rewardsPool *RewardsPool) PackTOKEN() []byte {
	enc, err := rewardsPool.abi.Pack("TOKEN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TOKEN() view returns(address)
func (rewardsPool *RewardsPool) TryPackTOKEN() ([]byte, error) {
	return rewardsPool.abi.Pack("TOKEN")
}

// UnpackTOKEN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x82bfefc8.
//
// Solidity: function TOKEN() view returns(address)
func (rewardsPool *RewardsPool) UnpackTOKEN(data []byte) (common.Address, error) {
	out, err := rewardsPool.abi.Unpack("TOKEN", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackAuditors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6d4593d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function auditors() view returns(address[])
func (rewardsPool *RewardsPool) PackAuditors() []byte {
	enc, err := rewardsPool.abi.Pack("auditors")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuditors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6d4593d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function auditors() view returns(address[])
func (rewardsPool *RewardsPool) TryPackAuditors() ([]byte, error) {
	return rewardsPool.abi.Pack("auditors")
}

// UnpackAuditors is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6d4593d2.
//
// Solidity: function auditors() view returns(address[])
func (rewardsPool *RewardsPool) UnpackAuditors(data []byte) ([]common.Address, error) {
	out, err := rewardsPool.abi.Unpack("auditors", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackAvailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48a0d754.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function available() view returns(uint256)
func (rewardsPool *RewardsPool) PackAvailable() []byte {
	enc, err := rewardsPool.abi.Pack("available")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAvailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48a0d754.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function available() view returns(uint256)
func (rewardsPool *RewardsPool) TryPackAvailable() ([]byte, error) {
	return rewardsPool.abi.Pack("available")
}

// UnpackAvailable is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x48a0d754.
//
// Solidity: function available() view returns(uint256)
func (rewardsPool *RewardsPool) UnpackAvailable(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("available", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3f387ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(uint64 epoch, address provider, uint256 amount, uint256 feesCumulative, bytes32[] proof) returns()
func (rewardsPool *RewardsPool) PackClaim(epoch uint64, provider common.Address, amount *big.Int, feesCumulative *big.Int, proof [][32]byte) []byte {
	enc, err := rewardsPool.abi.Pack("claim", epoch, provider, amount, feesCumulative, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3f387ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(uint64 epoch, address provider, uint256 amount, uint256 feesCumulative, bytes32[] proof) returns()
func (rewardsPool *RewardsPool) TryPackClaim(epoch uint64, provider common.Address, amount *big.Int, feesCumulative *big.Int, proof [][32]byte) ([]byte, error) {
	return rewardsPool.abi.Pack("claim", epoch, provider, amount, feesCumulative, proof)
}

// PackClaimDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c9620e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimDeadline(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) PackClaimDeadline(epoch uint64) []byte {
	enc, err := rewardsPool.abi.Pack("claimDeadline", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c9620e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimDeadline(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) TryPackClaimDeadline(epoch uint64) ([]byte, error) {
	return rewardsPool.abi.Pack("claimDeadline", epoch)
}

// UnpackClaimDeadline is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x22c9620e.
//
// Solidity: function claimDeadline(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) UnpackClaimDeadline(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("claimDeadline", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimedThrough is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc5b22c15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimedThrough(address provider) view returns(uint64)
func (rewardsPool *RewardsPool) PackClaimedThrough(provider common.Address) []byte {
	enc, err := rewardsPool.abi.Pack("claimedThrough", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimedThrough is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc5b22c15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimedThrough(address provider) view returns(uint64)
func (rewardsPool *RewardsPool) TryPackClaimedThrough(provider common.Address) ([]byte, error) {
	return rewardsPool.abi.Pack("claimedThrough", provider)
}

// UnpackClaimedThrough is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc5b22c15.
//
// Solidity: function claimedThrough(address provider) view returns(uint64)
func (rewardsPool *RewardsPool) UnpackClaimedThrough(data []byte) (uint64, error) {
	out, err := rewardsPool.abi.Unpack("claimedThrough", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentEpoch() view returns(uint64)
func (rewardsPool *RewardsPool) PackCurrentEpoch() []byte {
	enc, err := rewardsPool.abi.Pack("currentEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentEpoch() view returns(uint64)
func (rewardsPool *RewardsPool) TryPackCurrentEpoch() ([]byte, error) {
	return rewardsPool.abi.Pack("currentEpoch")
}

// UnpackCurrentEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x76671808.
//
// Solidity: function currentEpoch() view returns(uint64)
func (rewardsPool *RewardsPool) UnpackCurrentEpoch(data []byte) (uint64, error) {
	out, err := rewardsPool.abi.Unpack("currentEpoch", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackEpochDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbd78f4cb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochDigest(uint64 epoch, bytes32 root, uint256 total) view returns(bytes32)
func (rewardsPool *RewardsPool) PackEpochDigest(epoch uint64, root [32]byte, total *big.Int) []byte {
	enc, err := rewardsPool.abi.Pack("epochDigest", epoch, root, total)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbd78f4cb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochDigest(uint64 epoch, bytes32 root, uint256 total) view returns(bytes32)
func (rewardsPool *RewardsPool) TryPackEpochDigest(epoch uint64, root [32]byte, total *big.Int) ([]byte, error) {
	return rewardsPool.abi.Pack("epochDigest", epoch, root, total)
}

// UnpackEpochDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbd78f4cb.
//
// Solidity: function epochDigest(uint64 epoch, bytes32 root, uint256 total) view returns(bytes32)
func (rewardsPool *RewardsPool) UnpackEpochDigest(data []byte) ([32]byte, error) {
	out, err := rewardsPool.abi.Unpack("epochDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEpochEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4683db2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) PackEpochEnd(epoch uint64) []byte {
	enc, err := rewardsPool.abi.Pack("epochEnd", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4683db2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) TryPackEpochEnd(epoch uint64) ([]byte, error) {
	return rewardsPool.abi.Pack("epochEnd", epoch)
}

// UnpackEpochEnd is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb4683db2.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256)
func (rewardsPool *RewardsPool) UnpackEpochEnd(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("epochEnd", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEpochOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfadb4768.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochOf(uint64 epoch) view returns((bytes32,uint256,uint256,bool))
func (rewardsPool *RewardsPool) PackEpochOf(epoch uint64) []byte {
	enc, err := rewardsPool.abi.Pack("epochOf", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfadb4768.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochOf(uint64 epoch) view returns((bytes32,uint256,uint256,bool))
func (rewardsPool *RewardsPool) TryPackEpochOf(epoch uint64) ([]byte, error) {
	return rewardsPool.abi.Pack("epochOf", epoch)
}

// UnpackEpochOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfadb4768.
//
// Solidity: function epochOf(uint64 epoch) view returns((bytes32,uint256,uint256,bool))
func (rewardsPool *RewardsPool) UnpackEpochOf(data []byte) (RewardsPoolEpoch, error) {
	out, err := rewardsPool.abi.Unpack("epochOf", data)
	if err != nil {
		return *new(RewardsPoolEpoch), err
	}
	out0 := *abi.ConvertType(out[0], new(RewardsPoolEpoch)).(*RewardsPoolEpoch)
	return out0, nil
}

// PackFeesBasis is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6237c876.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feesBasis(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) PackFeesBasis(provider common.Address) []byte {
	enc, err := rewardsPool.abi.Pack("feesBasis", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeesBasis is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6237c876.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feesBasis(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) TryPackFeesBasis(provider common.Address) ([]byte, error) {
	return rewardsPool.abi.Pack("feesBasis", provider)
}

// UnpackFeesBasis is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6237c876.
//
// Solidity: function feesBasis(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) UnpackFeesBasis(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("feesBasis", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca1d209d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fund(uint256 amount) returns()
func (rewardsPool *RewardsPool) PackFund(amount *big.Int) []byte {
	enc, err := rewardsPool.abi.Pack("fund", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca1d209d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fund(uint256 amount) returns()
func (rewardsPool *RewardsPool) TryPackFund(amount *big.Int) ([]byte, error) {
	return rewardsPool.abi.Pack("fund", amount)
}

// PackFunded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3a504f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function funded() view returns(uint256)
func (rewardsPool *RewardsPool) PackFunded() []byte {
	enc, err := rewardsPool.abi.Pack("funded")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFunded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3a504f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function funded() view returns(uint256)
func (rewardsPool *RewardsPool) TryPackFunded() ([]byte, error) {
	return rewardsPool.abi.Pack("funded")
}

// UnpackFunded is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf3a504f2.
//
// Solidity: function funded() view returns(uint256)
func (rewardsPool *RewardsPool) UnpackFunded(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("funded", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackIsAuditor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49b90557.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAuditor(address a) view returns(bool)
func (rewardsPool *RewardsPool) PackIsAuditor(a common.Address) []byte {
	enc, err := rewardsPool.abi.Pack("isAuditor", a)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAuditor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49b90557.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAuditor(address a) view returns(bool)
func (rewardsPool *RewardsPool) TryPackIsAuditor(a common.Address) ([]byte, error) {
	return rewardsPool.abi.Pack("isAuditor", a)
}

// UnpackIsAuditor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x49b90557.
//
// Solidity: function isAuditor(address a) view returns(bool)
func (rewardsPool *RewardsPool) UnpackIsAuditor(data []byte) (bool, error) {
	out, err := rewardsPool.abi.Unpack("isAuditor", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPublishEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a2b88d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publishEpoch(uint64 epoch, bytes32 root, uint256 total, bytes[] signatures) returns()
func (rewardsPool *RewardsPool) PackPublishEpoch(epoch uint64, root [32]byte, total *big.Int, signatures [][]byte) []byte {
	enc, err := rewardsPool.abi.Pack("publishEpoch", epoch, root, total, signatures)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublishEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a2b88d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publishEpoch(uint64 epoch, bytes32 root, uint256 total, bytes[] signatures) returns()
func (rewardsPool *RewardsPool) TryPackPublishEpoch(epoch uint64, root [32]byte, total *big.Int, signatures [][]byte) ([]byte, error) {
	return rewardsPool.abi.Pack("publishEpoch", epoch, root, total, signatures)
}

// PackRecycle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x25c96c43.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recycle(uint64 epoch) returns()
func (rewardsPool *RewardsPool) PackRecycle(epoch uint64) []byte {
	enc, err := rewardsPool.abi.Pack("recycle", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecycle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x25c96c43.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recycle(uint64 epoch) returns()
func (rewardsPool *RewardsPool) TryPackRecycle(epoch uint64) ([]byte, error) {
	return rewardsPool.abi.Pack("recycle", epoch)
}

// PackReserved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe60d12c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reserved() view returns(uint256)
func (rewardsPool *RewardsPool) PackReserved() []byte {
	enc, err := rewardsPool.abi.Pack("reserved")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReserved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe60d12c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reserved() view returns(uint256)
func (rewardsPool *RewardsPool) TryPackReserved() ([]byte, error) {
	return rewardsPool.abi.Pack("reserved")
}

// UnpackReserved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfe60d12c.
//
// Solidity: function reserved() view returns(uint256)
func (rewardsPool *RewardsPool) UnpackReserved(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("reserved", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRewarded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x379f53e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewarded(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) PackRewarded(provider common.Address) []byte {
	enc, err := rewardsPool.abi.Pack("rewarded", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewarded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x379f53e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewarded(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) TryPackRewarded(provider common.Address) ([]byte, error) {
	return rewardsPool.abi.Pack("rewarded", provider)
}

// UnpackRewarded is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x379f53e3.
//
// Solidity: function rewarded(address provider) view returns(uint256)
func (rewardsPool *RewardsPool) UnpackRewarded(data []byte) (*big.Int, error) {
	out, err := rewardsPool.abi.Unpack("rewarded", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// RewardsPoolClaimed represents a Claimed event raised by the RewardsPool contract.
type RewardsPoolClaimed struct {
	Epoch          uint64
	Provider       common.Address
	Amount         *big.Int
	FeesCumulative *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const RewardsPoolClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (RewardsPoolClaimed) ContractEventName() string {
	return RewardsPoolClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(uint64 indexed epoch, address indexed provider, uint256 amount, uint256 feesCumulative)
func (rewardsPool *RewardsPool) UnpackClaimedEvent(log *types.Log) (*RewardsPoolClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardsPool.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardsPoolClaimed)
	if len(log.Data) > 0 {
		if err := rewardsPool.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardsPool.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RewardsPoolEpochPublished represents a EpochPublished event raised by the RewardsPool contract.
type RewardsPoolEpochPublished struct {
	Epoch uint64
	Root  [32]byte
	Total *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RewardsPoolEpochPublishedEventName = "EpochPublished"

// ContractEventName returns the user-defined event name.
func (RewardsPoolEpochPublished) ContractEventName() string {
	return RewardsPoolEpochPublishedEventName
}

// UnpackEpochPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EpochPublished(uint64 indexed epoch, bytes32 root, uint256 total)
func (rewardsPool *RewardsPool) UnpackEpochPublishedEvent(log *types.Log) (*RewardsPoolEpochPublished, error) {
	event := "EpochPublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardsPool.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardsPoolEpochPublished)
	if len(log.Data) > 0 {
		if err := rewardsPool.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardsPool.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RewardsPoolFunded represents a Funded event raised by the RewardsPool contract.
type RewardsPoolFunded struct {
	Sponsor common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RewardsPoolFundedEventName = "Funded"

// ContractEventName returns the user-defined event name.
func (RewardsPoolFunded) ContractEventName() string {
	return RewardsPoolFundedEventName
}

// UnpackFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Funded(address indexed sponsor, uint256 amount)
func (rewardsPool *RewardsPool) UnpackFundedEvent(log *types.Log) (*RewardsPoolFunded, error) {
	event := "Funded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardsPool.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardsPoolFunded)
	if len(log.Data) > 0 {
		if err := rewardsPool.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardsPool.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RewardsPoolRecycled represents a Recycled event raised by the RewardsPool contract.
type RewardsPoolRecycled struct {
	Epoch  uint64
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const RewardsPoolRecycledEventName = "Recycled"

// ContractEventName returns the user-defined event name.
func (RewardsPoolRecycled) ContractEventName() string {
	return RewardsPoolRecycledEventName
}

// UnpackRecycledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Recycled(uint64 indexed epoch, uint256 amount)
func (rewardsPool *RewardsPool) UnpackRecycledEvent(log *types.Log) (*RewardsPoolRecycled, error) {
	event := "Recycled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardsPool.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardsPoolRecycled)
	if len(log.Data) > 0 {
		if err := rewardsPool.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardsPool.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (rewardsPool *RewardsPool) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["AlreadyRecycled"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackAlreadyRecycledError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["ClaimWindowOpen"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackClaimWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["ClaimWindowOver"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackClaimWindowOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["EpochAlreadyPublished"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackEpochAlreadyPublishedError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["EpochExhausted"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackEpochExhaustedError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["EpochNotOver"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackEpochNotOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["FeesOverstated"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackFeesOverstatedError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["InsufficientFunds"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackInsufficientFundsError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["InvalidConfig"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackInvalidConfigError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["InvalidSigner"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackInvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["NotEnoughSignatures"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackNotEnoughSignaturesError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["RewardAboveFeeCap"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackRewardAboveFeeCapError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["UnknownEpoch"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackUnknownEpochError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackZeroAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], rewardsPool.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return rewardsPool.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RewardsPoolAlreadyClaimed represents a AlreadyClaimed error raised by the RewardsPool contract.
type RewardsPoolAlreadyClaimed struct {
	Provider       common.Address
	Epoch          uint64
	ClaimedThrough uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(address provider, uint64 epoch, uint64 claimedThrough)
func RewardsPoolAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0x4d8e80606f9537e7a6e6722e06ffb21c7505e9526f8de04210a01ba6461a7409")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(address provider, uint64 epoch, uint64 claimedThrough)
func (rewardsPool *RewardsPool) UnpackAlreadyClaimedError(raw []byte) (*RewardsPoolAlreadyClaimed, error) {
	out := new(RewardsPoolAlreadyClaimed)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolAlreadyRecycled represents a AlreadyRecycled error raised by the RewardsPool contract.
type RewardsPoolAlreadyRecycled struct {
	Epoch uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRecycled(uint64 epoch)
func RewardsPoolAlreadyRecycledErrorID() common.Hash {
	return common.HexToHash("0x92ffcc1f5a6a02938416cdac36dbbe86ab086011fe2a96ffdf3d74affdab8e3f")
}

// UnpackAlreadyRecycledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRecycled(uint64 epoch)
func (rewardsPool *RewardsPool) UnpackAlreadyRecycledError(raw []byte) (*RewardsPoolAlreadyRecycled, error) {
	out := new(RewardsPoolAlreadyRecycled)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "AlreadyRecycled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolClaimWindowOpen represents a ClaimWindowOpen error raised by the RewardsPool contract.
type RewardsPoolClaimWindowOpen struct {
	Epoch   uint64
	OpensAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimWindowOpen(uint64 epoch, uint256 opensAt)
func RewardsPoolClaimWindowOpenErrorID() common.Hash {
	return common.HexToHash("0xe9fcc3bc6ae6676c8295054cde587a4adc9d1112c97cdcb7b3fceb8d38e37102")
}

// UnpackClaimWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimWindowOpen(uint64 epoch, uint256 opensAt)
func (rewardsPool *RewardsPool) UnpackClaimWindowOpenError(raw []byte) (*RewardsPoolClaimWindowOpen, error) {
	out := new(RewardsPoolClaimWindowOpen)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "ClaimWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolClaimWindowOver represents a ClaimWindowOver error raised by the RewardsPool contract.
type RewardsPoolClaimWindowOver struct {
	Epoch    uint64
	ClosedAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimWindowOver(uint64 epoch, uint256 closedAt)
func RewardsPoolClaimWindowOverErrorID() common.Hash {
	return common.HexToHash("0x4b3ddc38cf61675a28740509faf86b659d1f31f84371c0099f00b8eba1e63efe")
}

// UnpackClaimWindowOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimWindowOver(uint64 epoch, uint256 closedAt)
func (rewardsPool *RewardsPool) UnpackClaimWindowOverError(raw []byte) (*RewardsPoolClaimWindowOver, error) {
	out := new(RewardsPoolClaimWindowOver)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "ClaimWindowOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolEpochAlreadyPublished represents a EpochAlreadyPublished error raised by the RewardsPool contract.
type RewardsPoolEpochAlreadyPublished struct {
	Epoch uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochAlreadyPublished(uint64 epoch)
func RewardsPoolEpochAlreadyPublishedErrorID() common.Hash {
	return common.HexToHash("0x263189c0f30b39453b410cf351fc2cd769c4211ede470852837852e8cd9aec7f")
}

// UnpackEpochAlreadyPublishedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochAlreadyPublished(uint64 epoch)
func (rewardsPool *RewardsPool) UnpackEpochAlreadyPublishedError(raw []byte) (*RewardsPoolEpochAlreadyPublished, error) {
	out := new(RewardsPoolEpochAlreadyPublished)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "EpochAlreadyPublished", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolEpochExhausted represents a EpochExhausted error raised by the RewardsPool contract.
type RewardsPoolEpochExhausted struct {
	Amount *big.Int
	Left   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochExhausted(uint256 amount, uint256 left)
func RewardsPoolEpochExhaustedErrorID() common.Hash {
	return common.HexToHash("0xbe73b8cef4aa217d96683fd1fd2beeb1954e145221da00663a9153e1a3498947")
}

// UnpackEpochExhaustedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochExhausted(uint256 amount, uint256 left)
func (rewardsPool *RewardsPool) UnpackEpochExhaustedError(raw []byte) (*RewardsPoolEpochExhausted, error) {
	out := new(RewardsPoolEpochExhausted)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "EpochExhausted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolEpochNotOver represents a EpochNotOver error raised by the RewardsPool contract.
type RewardsPoolEpochNotOver struct {
	Epoch  uint64
	EndsAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochNotOver(uint64 epoch, uint256 endsAt)
func RewardsPoolEpochNotOverErrorID() common.Hash {
	return common.HexToHash("0xbc161c9dd5b85204e49de1cf05d2f62d9f6df5f0f4a3f4bfc67f021f6c236f21")
}

// UnpackEpochNotOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochNotOver(uint64 epoch, uint256 endsAt)
func (rewardsPool *RewardsPool) UnpackEpochNotOverError(raw []byte) (*RewardsPoolEpochNotOver, error) {
	out := new(RewardsPoolEpochNotOver)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "EpochNotOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolFeesOverstated represents a FeesOverstated error raised by the RewardsPool contract.
type RewardsPoolFeesOverstated struct {
	FeesCumulative *big.Int
	FeesPaid       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeesOverstated(uint256 feesCumulative, uint256 feesPaid)
func RewardsPoolFeesOverstatedErrorID() common.Hash {
	return common.HexToHash("0x56522db01cf77b353c2265bc2ef1bf2fa0a0e459c228818408d7afd00c6dbfb2")
}

// UnpackFeesOverstatedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeesOverstated(uint256 feesCumulative, uint256 feesPaid)
func (rewardsPool *RewardsPool) UnpackFeesOverstatedError(raw []byte) (*RewardsPoolFeesOverstated, error) {
	out := new(RewardsPoolFeesOverstated)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "FeesOverstated", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolInsufficientFunds represents a InsufficientFunds error raised by the RewardsPool contract.
type RewardsPoolInsufficientFunds struct {
	Total     *big.Int
	Available *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientFunds(uint256 total, uint256 available)
func RewardsPoolInsufficientFundsErrorID() common.Hash {
	return common.HexToHash("0x03eb8b54a949acec2cd08fdb6d6bd4647a1f2c907d75d6900648effa92eb147f")
}

// UnpackInsufficientFundsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientFunds(uint256 total, uint256 available)
func (rewardsPool *RewardsPool) UnpackInsufficientFundsError(raw []byte) (*RewardsPoolInsufficientFunds, error) {
	out := new(RewardsPoolInsufficientFunds)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "InsufficientFunds", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolInvalidConfig represents a InvalidConfig error raised by the RewardsPool contract.
type RewardsPoolInvalidConfig struct {
	What string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidConfig(string what)
func RewardsPoolInvalidConfigErrorID() common.Hash {
	return common.HexToHash("0x89a61989863f97edef3cf9672465dbf8e5f073c532d59146a86917af6f971ea7")
}

// UnpackInvalidConfigError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidConfig(string what)
func (rewardsPool *RewardsPool) UnpackInvalidConfigError(raw []byte) (*RewardsPoolInvalidConfig, error) {
	out := new(RewardsPoolInvalidConfig)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "InvalidConfig", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolInvalidProof represents a InvalidProof error raised by the RewardsPool contract.
type RewardsPoolInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func RewardsPoolInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (rewardsPool *RewardsPool) UnpackInvalidProofError(raw []byte) (*RewardsPoolInvalidProof, error) {
	out := new(RewardsPoolInvalidProof)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolInvalidSigner represents a InvalidSigner error raised by the RewardsPool contract.
type RewardsPoolInvalidSigner struct {
	Index  *big.Int
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSigner(uint256 index, address signer)
func RewardsPoolInvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x96f86408ca735bb09082022f7fcf39fce3686f653bde898d5b8c40384b2e16dc")
}

// UnpackInvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSigner(uint256 index, address signer)
func (rewardsPool *RewardsPool) UnpackInvalidSignerError(raw []byte) (*RewardsPoolInvalidSigner, error) {
	out := new(RewardsPoolInvalidSigner)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolNotEnoughSignatures represents a NotEnoughSignatures error raised by the RewardsPool contract.
type RewardsPoolNotEnoughSignatures struct {
	Got       *big.Int
	Threshold *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotEnoughSignatures(uint256 got, uint256 threshold)
func RewardsPoolNotEnoughSignaturesErrorID() common.Hash {
	return common.HexToHash("0x79c193d2b9a5ab2a87f6c5945f80093d2564073c49c98e4bca0ef08737475744")
}

// UnpackNotEnoughSignaturesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotEnoughSignatures(uint256 got, uint256 threshold)
func (rewardsPool *RewardsPool) UnpackNotEnoughSignaturesError(raw []byte) (*RewardsPoolNotEnoughSignatures, error) {
	out := new(RewardsPoolNotEnoughSignatures)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "NotEnoughSignatures", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolRewardAboveFeeCap represents a RewardAboveFeeCap error raised by the RewardsPool contract.
type RewardsPoolRewardAboveFeeCap struct {
	Amount *big.Int
	Cap    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RewardAboveFeeCap(uint256 amount, uint256 cap)
func RewardsPoolRewardAboveFeeCapErrorID() common.Hash {
	return common.HexToHash("0x1124bd39625c21085196157bed6e91b9b4e14addb88429aeb9825882f497a979")
}

// UnpackRewardAboveFeeCapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RewardAboveFeeCap(uint256 amount, uint256 cap)
func (rewardsPool *RewardsPool) UnpackRewardAboveFeeCapError(raw []byte) (*RewardsPoolRewardAboveFeeCap, error) {
	out := new(RewardsPoolRewardAboveFeeCap)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "RewardAboveFeeCap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the RewardsPool contract.
type RewardsPoolSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func RewardsPoolSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (rewardsPool *RewardsPool) UnpackSafeERC20FailedOperationError(raw []byte) (*RewardsPoolSafeERC20FailedOperation, error) {
	out := new(RewardsPoolSafeERC20FailedOperation)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolUnknownEpoch represents a UnknownEpoch error raised by the RewardsPool contract.
type RewardsPoolUnknownEpoch struct {
	Epoch uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEpoch(uint64 epoch)
func RewardsPoolUnknownEpochErrorID() common.Hash {
	return common.HexToHash("0xa4e21e6c8f881eff51b5764f98a67304231c1cb1ba8af636f941098552d2bd6c")
}

// UnpackUnknownEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEpoch(uint64 epoch)
func (rewardsPool *RewardsPool) UnpackUnknownEpochError(raw []byte) (*RewardsPoolUnknownEpoch, error) {
	out := new(RewardsPoolUnknownEpoch)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "UnknownEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolZeroAmount represents a ZeroAmount error raised by the RewardsPool contract.
type RewardsPoolZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func RewardsPoolZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (rewardsPool *RewardsPool) UnpackZeroAmountError(raw []byte) (*RewardsPoolZeroAmount, error) {
	out := new(RewardsPoolZeroAmount)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RewardsPoolZeroRoot represents a ZeroRoot error raised by the RewardsPool contract.
type RewardsPoolZeroRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot()
func RewardsPoolZeroRootErrorID() common.Hash {
	return common.HexToHash("0xb263ae738e814ca9af6ee56bb85daa47624e790421913c947dcba2aac07cfdbd")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot()
func (rewardsPool *RewardsPool) UnpackZeroRootError(raw []byte) (*RewardsPoolZeroRoot, error) {
	out := new(RewardsPoolZeroRoot)
	if err := rewardsPool.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeMetaData contains all meta data concerning the Stake contract.
var StakeMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbondDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"slashAmount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"governor\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AnswerCorrect\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"EvidenceUsed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"got\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"signed\",\"type\":\"bytes32\"}],\"name\":\"InputMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"bonded\",\"type\":\"uint256\"}],\"name\":\"InsufficientBond\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoUnbondRequested\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"functionHash\",\"type\":\"bytes32\"}],\"name\":\"NotCanary\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotGovernor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NothingToSlash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"unbondableAt\",\"type\":\"uint256\"}],\"name\":\"UnbondNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Bonded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"CanaryAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"receipt\",\"type\":\"bytes32\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbondableAt\",\"type\":\"uint256\"}],\"name\":\"UnbondRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Unbonded\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"GOVERNOR\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_STAKE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECEIPT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SLASH_AMOUNT\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"UNBOND_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"addCanary\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"bond\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"bondOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbonding\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbondableAt\",\"type\":\"uint256\"}],\"internalType\":\"structStake.Bond\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"canaries\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"isStaked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"functionHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"mode\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"requestId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"requestBody\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"responseBody\",\"type\":\"bytes32\"}],\"internalType\":\"structStake.Receipt\",\"name\":\"r\",\"type\":\"tuple\"}],\"name\":\"receiptDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"requestUnbond\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"functionHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"mode\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"requestId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"requestBody\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"responseBody\",\"type\":\"bytes32\"}],\"internalType\":\"structStake.Receipt\",\"name\":\"r\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"input\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"slash\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unbond\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"used\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "20f976818c53e141f4b5e4637a8526b3b9",
	Bin: "0x610120604052348015610010575f5ffd5b5060405161177038038061177083398101604081905261002f916100c8565b6001600160a01b038516158061004c57506001600160a01b038116155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b815f0361008a57604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0394851660805260a09390935260c09190915260e052166101005261011c565b6001600160a01b03811681146100c5575f5ffd5b50565b5f5f5f5f5f60a086880312156100dc575f5ffd5b85516100e7816100b1565b60208701516040880151606089015160808a01519398509196509450925061010e816100b1565b809150509295509295909350565b60805160a05160c05160e051610100516115d86101985f395f81816102a8015261041b01525f81816101dd0152818161089e01526108c401525f8181610204015261057101525f81816103e10152610c5e01525f818161032901528181610a5d01528181610abb01528181610c060152610dc601526115d85ff3fe608060405234801561000f575f5ffd5b5060043610610115575f3560e01c80636dc0ae22116100ad57806395850f591161007d578063b07c411f11610063578063b07c411f146103a7578063bb9a2c1a146103c9578063cb1c2b5c146103dc575f5ffd5b806395850f591461036d5780639940686e14610394575f5ffd5b80636dc0ae22146102a357806372d2b6c0146102ef57806382bfefc8146103245780638f55c2ee1461034b575f5ffd5b806354f63b14116100e857806354f63b14146102265780635be9e1b0146102395780635df6a6bc146102785780636177fd1814610280575f5ffd5b806317efe3ba146101195780633644e5151461012e57806337720606146101d85780635188abbb146101ff575b5f5ffd5b61012c6101273660046112cb565b610403565b005b6101c5604080517fb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c360208201527f1b5d7ee30ff5d598dcb622599bcfb2075f6c119cbd99a42c2edc72e10bf2df15918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201526080016040516020818303038152906040528051906020012081565b6040519081526020015b60405180910390f35b6101c57f000000000000000000000000000000000000000000000000000000000000000081565b6101c57f000000000000000000000000000000000000000000000000000000000000000081565b61012c6102343660046112cb565b6104dc565b61024c61024736600461133e565b6105e7565b6040805173ffffffffffffffffffffffffffffffffffffffff90931683526020830191909152016101cf565b61012c610af2565b61029361028e3660046113e0565b610c31565b60405190151581526020016101cf565b6102ca7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016101cf565b6103026102fd3660046113e0565b610c9c565b60408051825181526020808401519082015291810151908201526060016101cf565b6102ca7f000000000000000000000000000000000000000000000000000000000000000081565b6102936103593660046112cb565b60016020525f908152604090205460ff1681565b6101c57fc4dd09b3b17a5520a38e5f4fcb722299d77871e91a20150586a35381d09d33c981565b61012c6103a23660046112cb565b610d09565b6102936103b53660046112cb565b60026020525f908152604090205460ff1681565b6101c56103d7366004611413565b610dee565b6101c57f000000000000000000000000000000000000000000000000000000000000000081565b3373ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001614610479576040517fad0550d50000000000000000000000000000000000000000000000000000000081523360048201526024015b60405180910390fd5b5f81815260016020819052604080832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00169092179091555182917ff855ee3f23c016e08e6d344b22c3d9582e1166d403b04f8bb919b504b2e903db91a250565b805f03610515576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152602081905260409020805482111561056b5780546040517f44d4caf7000000000000000000000000000000000000000000000000000000008152610470918491600401918252602082015260400190565b5f6105967f00000000000000000000000000000000000000000000000000000000000000004261147a565b6001830184905560028301819055604080518581526020810183905291925033917f6d3667c1f315297763391f067e0e6360ee88a7abdfff34ab037c5c72b2a3dd4b910160405180910390a2505050565b5f5f5f6105f389610dee565b5f8181526002602052604090205490915060ff1615610641576040517f42106f4c00000000000000000000000000000000000000000000000000000000815260048101829052602401610470565b5f61064d828a8a610fb4565b5090945090505f8160038111156106665761066661148d565b1461069d576040517f8baa579f00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604080518b35602080830191909152818301889052825180830384018152606090920183528151918101919091205f9081526001909152205460ff16610712576040517f9db50bc10000000000000000000000000000000000000000000000000000000081528a356004820152602401610470565b5f600288886040516107259291906114ba565b602060405180830381855afa158015610740573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061076391906114c9565b90508a60c0013581146107af576040517f631453050000000000000000000000000000000000000000000000000000000081526004810182905260c08c01356024820152604401610470565b6002816040516020016107c491815260200190565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152908290526107fc916114e0565b602060405180830381855afa158015610817573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061083a91906114c9565b8b60e0013503610876576040517f202d8d6100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff85165f90815260208190526040902080547f0000000000000000000000000000000000000000000000000000000000000000116108e8577f00000000000000000000000000000000000000000000000000000000000000006108eb565b80545b9450845f0361093e576040517fea53296000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff87166004820152602401610470565b5f84815260026020526040812080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660011790558154869183916109859084906114f6565b909155505080546001820154111561099f57805460018201555b6109af60408d0160208e016113e0565b73ffffffffffffffffffffffffffffffffffffffff163373ffffffffffffffffffffffffffffffffffffffff168773ffffffffffffffffffffffffffffffffffffffff167f3ece938746956d69df2cc6b67e2e202647d06278f8000b3f33231713bd7c0cb28888604051610a2d929190918252602082015260400190565b60405180910390a45f610a41600287611509565b9050610a8473ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163383610ffb565b610ae28d6020016020810190610a9a91906113e0565b610aa483896114f6565b73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000169190610ffb565b5050505050965096945050505050565b335f90815260208190526040812060018101549091819003610b40576040517f8eea0cb800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8160020154421015610b865781600201546040517ff19b80c700000000000000000000000000000000000000000000000000000000815260040161047091815260200190565b8154811115610b93575080545b80825f015f828254610ba591906114f6565b90915550505f60018301819055600283015560405181815233907fd24dbf5e9299ce53c3aa9f7227ff1cc8441c2faae04509aa370ca3703385d6b49060200160405180910390a2610c2d73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163383610ffb565b5050565b73ffffffffffffffffffffffffffffffffffffffff81165f908152602081905260408120600181015481547f000000000000000000000000000000000000000000000000000000000000000091610c87916114f6565b10158015610c955750805415155b9392505050565b610cbd60405180606001604052805f81526020015f81526020015f81525090565b5073ffffffffffffffffffffffffffffffffffffffff165f9081526020818152604091829020825160608101845281548152600182015492810192909252600201549181019190915290565b805f03610d42576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152602081905260408120805490918391839190610d6490849061147a565b9091555050805460405133917f524384adee0b2f52827eebf00ddd616aa286978612393216724d61cdb43dc83591610da491868252602082015260400190565b60405180910390a2610c2d73ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001633308561105b565b604080517fb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c360208201527f1b5d7ee30ff5d598dcb622599bcfb2075f6c119cbd99a42c2edc72e10bf2df15918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201525f90610fae90608001604051602081830303815290604052805190602001207fc4dd09b3b17a5520a38e5f4fcb722299d77871e91a20150586a35381d09d33c9845f0135856020016020810190610ebd91906113e0565b610eca6040880188611541565b604051610ed89291906114ba565b604051908190038120610f5e9493929160608a01359060808b01359060a08c01359060c08d01359060e08e013590602001988952602089019790975273ffffffffffffffffffffffffffffffffffffffff9590951660408801526060870193909352608086019190915260a085015260c084015260e08301526101008201526101200190565b604051602081830303815290604052805190602001206040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b92915050565b5f80806041849003610fe8578435602086013560408701355f1a610fda898285856110bd565b955095509550505050610ff2565b505f915060029050825b93509350939050565b61100883838360016111b0565b611056576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610470565b505050565b611069848484846001611238565b6110b7576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610470565b50505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411156110f657505f915060039050826111a6565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015611147573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661119d57505f9250600191508290506111a6565b92505f91508190505b9450945094915050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f5114831661122c578383151615611220573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f511483166112ba5783831516156112ae573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f602082840312156112db575f5ffd5b5035919050565b5f61010082840312156112f3575f5ffd5b50919050565b5f5f83601f840112611309575f5ffd5b50813567ffffffffffffffff811115611320575f5ffd5b602083019150836020828501011115611337575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215611353575f5ffd5b863567ffffffffffffffff811115611369575f5ffd5b61137589828a016112e2565b965050602087013567ffffffffffffffff811115611391575f5ffd5b61139d89828a016112f9565b909650945050604087013567ffffffffffffffff8111156113bc575f5ffd5b6113c889828a016112f9565b979a9699509497949695606090950135949350505050565b5f602082840312156113f0575f5ffd5b813573ffffffffffffffffffffffffffffffffffffffff81168114610c95575f5ffd5b5f60208284031215611423575f5ffd5b813567ffffffffffffffff811115611439575f5ffd5b611445848285016112e2565b949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b80820180821115610fae57610fae61144d565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b818382375f9101908152919050565b5f602082840312156114d9575f5ffd5b5051919050565b5f82518060208501845e5f920191825250919050565b81810381811115610fae57610fae61144d565b5f8261153c577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112611574575f5ffd5b83018035915067ffffffffffffffff82111561158e575f5ffd5b602001915036819003821315611337575f5ffdfea26469706673582212207e4afd78a367713880a88cef245a6729db29aa882b8013cdd75db8f104e7453364736f6c63430008250033",
}

// Stake is an auto generated Go binding around an Ethereum contract.
type Stake struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Stake) GetABI() abi.ABI {
	return c.abi
}

// NewStake creates a new instance of Stake.
func NewStake() *Stake {
	parsed, err := StakeMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Stake{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Stake) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token, uint256 minStake, uint256 unbondDelay, uint256 slashAmount, address governor) returns()
func (stake *Stake) PackConstructor(token common.Address, minStake *big.Int, unbondDelay *big.Int, slashAmount *big.Int, governor common.Address) []byte {
	enc, err := stake.abi.Pack("", token, minStake, unbondDelay, slashAmount, governor)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (stake *Stake) PackDOMAINSEPARATOR() []byte {
	enc, err := stake.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (stake *Stake) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return stake.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (stake *Stake) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := stake.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGOVERNOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6dc0ae22.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function GOVERNOR() view returns(address)
func (stake *Stake) PackGOVERNOR() []byte {
	enc, err := stake.abi.Pack("GOVERNOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGOVERNOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6dc0ae22.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function GOVERNOR() view returns(address)
func (stake *Stake) TryPackGOVERNOR() ([]byte, error) {
	return stake.abi.Pack("GOVERNOR")
}

// UnpackGOVERNOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6dc0ae22.
//
// Solidity: function GOVERNOR() view returns(address)
func (stake *Stake) UnpackGOVERNOR(data []byte) (common.Address, error) {
	out, err := stake.abi.Unpack("GOVERNOR", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackMINSTAKE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb1c2b5c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_STAKE() view returns(uint256)
func (stake *Stake) PackMINSTAKE() []byte {
	enc, err := stake.abi.Pack("MIN_STAKE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINSTAKE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb1c2b5c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_STAKE() view returns(uint256)
func (stake *Stake) TryPackMINSTAKE() ([]byte, error) {
	return stake.abi.Pack("MIN_STAKE")
}

// UnpackMINSTAKE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcb1c2b5c.
//
// Solidity: function MIN_STAKE() view returns(uint256)
func (stake *Stake) UnpackMINSTAKE(data []byte) (*big.Int, error) {
	out, err := stake.abi.Unpack("MIN_STAKE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRECEIPTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95850f59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function RECEIPT_TYPEHASH() view returns(bytes32)
func (stake *Stake) PackRECEIPTTYPEHASH() []byte {
	enc, err := stake.abi.Pack("RECEIPT_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRECEIPTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95850f59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function RECEIPT_TYPEHASH() view returns(bytes32)
func (stake *Stake) TryPackRECEIPTTYPEHASH() ([]byte, error) {
	return stake.abi.Pack("RECEIPT_TYPEHASH")
}

// UnpackRECEIPTTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95850f59.
//
// Solidity: function RECEIPT_TYPEHASH() view returns(bytes32)
func (stake *Stake) UnpackRECEIPTTYPEHASH(data []byte) ([32]byte, error) {
	out, err := stake.abi.Unpack("RECEIPT_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSLASHAMOUNT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37720606.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SLASH_AMOUNT() view returns(uint256)
func (stake *Stake) PackSLASHAMOUNT() []byte {
	enc, err := stake.abi.Pack("SLASH_AMOUNT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSLASHAMOUNT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37720606.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SLASH_AMOUNT() view returns(uint256)
func (stake *Stake) TryPackSLASHAMOUNT() ([]byte, error) {
	return stake.abi.Pack("SLASH_AMOUNT")
}

// UnpackSLASHAMOUNT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x37720606.
//
// Solidity: function SLASH_AMOUNT() view returns(uint256)
func (stake *Stake) UnpackSLASHAMOUNT(data []byte) (*big.Int, error) {
	out, err := stake.abi.Unpack("SLASH_AMOUNT", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TOKEN() view returns(address)
func (stake *Stake) PackTOKEN() []byte {
	enc, err := stake.abi.Pack("TOKEN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82bfefc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TOKEN() view returns(address)
func (stake *Stake) TryPackTOKEN() ([]byte, error) {
	return stake.abi.Pack("TOKEN")
}

// UnpackTOKEN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x82bfefc8.
//
// Solidity: function TOKEN() view returns(address)
func (stake *Stake) UnpackTOKEN(data []byte) (common.Address, error) {
	out, err := stake.abi.Unpack("TOKEN", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUNBONDDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5188abbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function UNBOND_DELAY() view returns(uint256)
func (stake *Stake) PackUNBONDDELAY() []byte {
	enc, err := stake.abi.Pack("UNBOND_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUNBONDDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5188abbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function UNBOND_DELAY() view returns(uint256)
func (stake *Stake) TryPackUNBONDDELAY() ([]byte, error) {
	return stake.abi.Pack("UNBOND_DELAY")
}

// UnpackUNBONDDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5188abbb.
//
// Solidity: function UNBOND_DELAY() view returns(uint256)
func (stake *Stake) UnpackUNBONDDELAY(data []byte) (*big.Int, error) {
	out, err := stake.abi.Unpack("UNBOND_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAddCanary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17efe3ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addCanary(bytes32 commitment) returns()
func (stake *Stake) PackAddCanary(commitment [32]byte) []byte {
	enc, err := stake.abi.Pack("addCanary", commitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddCanary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17efe3ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addCanary(bytes32 commitment) returns()
func (stake *Stake) TryPackAddCanary(commitment [32]byte) ([]byte, error) {
	return stake.abi.Pack("addCanary", commitment)
}

// PackBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9940686e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bond(uint256 amount) returns()
func (stake *Stake) PackBond(amount *big.Int) []byte {
	enc, err := stake.abi.Pack("bond", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9940686e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bond(uint256 amount) returns()
func (stake *Stake) TryPackBond(amount *big.Int) ([]byte, error) {
	return stake.abi.Pack("bond", amount)
}

// PackBondOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72d2b6c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bondOf(address provider) view returns((uint256,uint256,uint256))
func (stake *Stake) PackBondOf(provider common.Address) []byte {
	enc, err := stake.abi.Pack("bondOf", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBondOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72d2b6c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bondOf(address provider) view returns((uint256,uint256,uint256))
func (stake *Stake) TryPackBondOf(provider common.Address) ([]byte, error) {
	return stake.abi.Pack("bondOf", provider)
}

// UnpackBondOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x72d2b6c0.
//
// Solidity: function bondOf(address provider) view returns((uint256,uint256,uint256))
func (stake *Stake) UnpackBondOf(data []byte) (StakeBond, error) {
	out, err := stake.abi.Unpack("bondOf", data)
	if err != nil {
		return *new(StakeBond), err
	}
	out0 := *abi.ConvertType(out[0], new(StakeBond)).(*StakeBond)
	return out0, nil
}

// PackCanaries is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f55c2ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function canaries(bytes32 commitment) view returns(bool)
func (stake *Stake) PackCanaries(commitment [32]byte) []byte {
	enc, err := stake.abi.Pack("canaries", commitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCanaries is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f55c2ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function canaries(bytes32 commitment) view returns(bool)
func (stake *Stake) TryPackCanaries(commitment [32]byte) ([]byte, error) {
	return stake.abi.Pack("canaries", commitment)
}

// UnpackCanaries is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f55c2ee.
//
// Solidity: function canaries(bytes32 commitment) view returns(bool)
func (stake *Stake) UnpackCanaries(data []byte) (bool, error) {
	out, err := stake.abi.Unpack("canaries", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsStaked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6177fd18.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isStaked(address provider) view returns(bool)
func (stake *Stake) PackIsStaked(provider common.Address) []byte {
	enc, err := stake.abi.Pack("isStaked", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsStaked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6177fd18.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isStaked(address provider) view returns(bool)
func (stake *Stake) TryPackIsStaked(provider common.Address) ([]byte, error) {
	return stake.abi.Pack("isStaked", provider)
}

// UnpackIsStaked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6177fd18.
//
// Solidity: function isStaked(address provider) view returns(bool)
func (stake *Stake) UnpackIsStaked(data []byte) (bool, error) {
	out, err := stake.abi.Unpack("isStaked", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackReceiptDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb9a2c1a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function receiptDigest((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r) pure returns(bytes32)
func (stake *Stake) PackReceiptDigest(r StakeReceipt) []byte {
	enc, err := stake.abi.Pack("receiptDigest", r)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceiptDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb9a2c1a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function receiptDigest((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r) pure returns(bytes32)
func (stake *Stake) TryPackReceiptDigest(r StakeReceipt) ([]byte, error) {
	return stake.abi.Pack("receiptDigest", r)
}

// UnpackReceiptDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbb9a2c1a.
//
// Solidity: function receiptDigest((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r) pure returns(bytes32)
func (stake *Stake) UnpackReceiptDigest(data []byte) ([32]byte, error) {
	out, err := stake.abi.Unpack("receiptDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRequestUnbond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54f63b14.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestUnbond(uint256 amount) returns()
func (stake *Stake) PackRequestUnbond(amount *big.Int) []byte {
	enc, err := stake.abi.Pack("requestUnbond", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestUnbond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54f63b14.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestUnbond(uint256 amount) returns()
func (stake *Stake) TryPackRequestUnbond(amount *big.Int) ([]byte, error) {
	return stake.abi.Pack("requestUnbond", amount)
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5be9e1b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r, bytes signature, bytes input, bytes32 salt) returns(address provider, uint256 amount)
func (stake *Stake) PackSlash(r StakeReceipt, signature []byte, input []byte, salt [32]byte) []byte {
	enc, err := stake.abi.Pack("slash", r, signature, input, salt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5be9e1b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r, bytes signature, bytes input, bytes32 salt) returns(address provider, uint256 amount)
func (stake *Stake) TryPackSlash(r StakeReceipt, signature []byte, input []byte, salt [32]byte) ([]byte, error) {
	return stake.abi.Pack("slash", r, signature, input, salt)
}

// SlashOutput serves as a container for the return parameters of contract
// method Slash.
type SlashOutput struct {
	Provider common.Address
	Amount   *big.Int
}

// UnpackSlash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5be9e1b0.
//
// Solidity: function slash((bytes32,address,string,uint256,uint256,bytes32,bytes32,bytes32) r, bytes signature, bytes input, bytes32 salt) returns(address provider, uint256 amount)
func (stake *Stake) UnpackSlash(data []byte) (SlashOutput, error) {
	out, err := stake.abi.Unpack("slash", data)
	outstruct := new(SlashOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Provider = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Amount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackUnbond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5df6a6bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unbond() returns()
func (stake *Stake) PackUnbond() []byte {
	enc, err := stake.abi.Pack("unbond")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnbond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5df6a6bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unbond() returns()
func (stake *Stake) TryPackUnbond() ([]byte, error) {
	return stake.abi.Pack("unbond")
}

// PackUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb07c411f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function used(bytes32 digest) view returns(bool)
func (stake *Stake) PackUsed(digest [32]byte) []byte {
	enc, err := stake.abi.Pack("used", digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb07c411f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function used(bytes32 digest) view returns(bool)
func (stake *Stake) TryPackUsed(digest [32]byte) ([]byte, error) {
	return stake.abi.Pack("used", digest)
}

// UnpackUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb07c411f.
//
// Solidity: function used(bytes32 digest) view returns(bool)
func (stake *Stake) UnpackUsed(data []byte) (bool, error) {
	out, err := stake.abi.Unpack("used", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// StakeBonded represents a Bonded event raised by the Stake contract.
type StakeBonded struct {
	Provider common.Address
	Amount   *big.Int
	Total    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakeBondedEventName = "Bonded"

// ContractEventName returns the user-defined event name.
func (StakeBonded) ContractEventName() string {
	return StakeBondedEventName
}

// UnpackBondedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Bonded(address indexed provider, uint256 amount, uint256 total)
func (stake *Stake) UnpackBondedEvent(log *types.Log) (*StakeBonded, error) {
	event := "Bonded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != stake.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StakeBonded)
	if len(log.Data) > 0 {
		if err := stake.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range stake.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// StakeCanaryAdded represents a CanaryAdded event raised by the Stake contract.
type StakeCanaryAdded struct {
	Commitment [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const StakeCanaryAddedEventName = "CanaryAdded"

// ContractEventName returns the user-defined event name.
func (StakeCanaryAdded) ContractEventName() string {
	return StakeCanaryAddedEventName
}

// UnpackCanaryAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CanaryAdded(bytes32 indexed commitment)
func (stake *Stake) UnpackCanaryAddedEvent(log *types.Log) (*StakeCanaryAdded, error) {
	event := "CanaryAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != stake.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StakeCanaryAdded)
	if len(log.Data) > 0 {
		if err := stake.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range stake.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// StakeSlashed represents a Slashed event raised by the Stake contract.
type StakeSlashed struct {
	Provider common.Address
	Reporter common.Address
	Payer    common.Address
	Amount   *big.Int
	Receipt  [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakeSlashedEventName = "Slashed"

// ContractEventName returns the user-defined event name.
func (StakeSlashed) ContractEventName() string {
	return StakeSlashedEventName
}

// UnpackSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Slashed(address indexed provider, address indexed reporter, address indexed payer, uint256 amount, bytes32 receipt)
func (stake *Stake) UnpackSlashedEvent(log *types.Log) (*StakeSlashed, error) {
	event := "Slashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != stake.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StakeSlashed)
	if len(log.Data) > 0 {
		if err := stake.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range stake.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// StakeUnbondRequested represents a UnbondRequested event raised by the Stake contract.
type StakeUnbondRequested struct {
	Provider     common.Address
	Amount       *big.Int
	UnbondableAt *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const StakeUnbondRequestedEventName = "UnbondRequested"

// ContractEventName returns the user-defined event name.
func (StakeUnbondRequested) ContractEventName() string {
	return StakeUnbondRequestedEventName
}

// UnpackUnbondRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UnbondRequested(address indexed provider, uint256 amount, uint256 unbondableAt)
func (stake *Stake) UnpackUnbondRequestedEvent(log *types.Log) (*StakeUnbondRequested, error) {
	event := "UnbondRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != stake.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StakeUnbondRequested)
	if len(log.Data) > 0 {
		if err := stake.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range stake.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// StakeUnbonded represents a Unbonded event raised by the Stake contract.
type StakeUnbonded struct {
	Provider common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakeUnbondedEventName = "Unbonded"

// ContractEventName returns the user-defined event name.
func (StakeUnbonded) ContractEventName() string {
	return StakeUnbondedEventName
}

// UnpackUnbondedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unbonded(address indexed provider, uint256 amount)
func (stake *Stake) UnpackUnbondedEvent(log *types.Log) (*StakeUnbonded, error) {
	event := "Unbonded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != stake.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StakeUnbonded)
	if len(log.Data) > 0 {
		if err := stake.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range stake.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (stake *Stake) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], stake.abi.Errors["AnswerCorrect"].ID.Bytes()[:4]) {
		return stake.UnpackAnswerCorrectError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["EvidenceUsed"].ID.Bytes()[:4]) {
		return stake.UnpackEvidenceUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["InputMismatch"].ID.Bytes()[:4]) {
		return stake.UnpackInputMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["InsufficientBond"].ID.Bytes()[:4]) {
		return stake.UnpackInsufficientBondError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return stake.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["NoUnbondRequested"].ID.Bytes()[:4]) {
		return stake.UnpackNoUnbondRequestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["NotCanary"].ID.Bytes()[:4]) {
		return stake.UnpackNotCanaryError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["NotGovernor"].ID.Bytes()[:4]) {
		return stake.UnpackNotGovernorError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["NothingToSlash"].ID.Bytes()[:4]) {
		return stake.UnpackNothingToSlashError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return stake.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["UnbondNotReady"].ID.Bytes()[:4]) {
		return stake.UnpackUnbondNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return stake.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], stake.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return stake.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// StakeAnswerCorrect represents a AnswerCorrect error raised by the Stake contract.
type StakeAnswerCorrect struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AnswerCorrect()
func StakeAnswerCorrectErrorID() common.Hash {
	return common.HexToHash("0x202d8d61d2be14cd996caf595b516664bf84666e041fa5f4a94e131f45700973")
}

// UnpackAnswerCorrectError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AnswerCorrect()
func (stake *Stake) UnpackAnswerCorrectError(raw []byte) (*StakeAnswerCorrect, error) {
	out := new(StakeAnswerCorrect)
	if err := stake.abi.UnpackIntoInterface(out, "AnswerCorrect", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeEvidenceUsed represents a EvidenceUsed error raised by the Stake contract.
type StakeEvidenceUsed struct {
	Digest [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EvidenceUsed(bytes32 digest)
func StakeEvidenceUsedErrorID() common.Hash {
	return common.HexToHash("0x42106f4ceb27f19024fb7dab4c7d32f24edbd5fd73aeacb67eb6cf6ee3956956")
}

// UnpackEvidenceUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EvidenceUsed(bytes32 digest)
func (stake *Stake) UnpackEvidenceUsedError(raw []byte) (*StakeEvidenceUsed, error) {
	out := new(StakeEvidenceUsed)
	if err := stake.abi.UnpackIntoInterface(out, "EvidenceUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeInputMismatch represents a InputMismatch error raised by the Stake contract.
type StakeInputMismatch struct {
	Got    [32]byte
	Signed [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InputMismatch(bytes32 got, bytes32 signed)
func StakeInputMismatchErrorID() common.Hash {
	return common.HexToHash("0x63145305452d9cef2dd6d12b0b79e91003a6c451cd87ec8b4751f24dfa8360ea")
}

// UnpackInputMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InputMismatch(bytes32 got, bytes32 signed)
func (stake *Stake) UnpackInputMismatchError(raw []byte) (*StakeInputMismatch, error) {
	out := new(StakeInputMismatch)
	if err := stake.abi.UnpackIntoInterface(out, "InputMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeInsufficientBond represents a InsufficientBond error raised by the Stake contract.
type StakeInsufficientBond struct {
	Amount *big.Int
	Bonded *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBond(uint256 amount, uint256 bonded)
func StakeInsufficientBondErrorID() common.Hash {
	return common.HexToHash("0x44d4caf750ea74407547ceb252d1c72d961f5025a7b3473fac9b354f227e0fd6")
}

// UnpackInsufficientBondError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBond(uint256 amount, uint256 bonded)
func (stake *Stake) UnpackInsufficientBondError(raw []byte) (*StakeInsufficientBond, error) {
	out := new(StakeInsufficientBond)
	if err := stake.abi.UnpackIntoInterface(out, "InsufficientBond", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeInvalidSignature represents a InvalidSignature error raised by the Stake contract.
type StakeInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature()
func StakeInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x8baa579fce362245063d36f11747a89dd489c54795634fc673cc0e0db51fedc5")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature()
func (stake *Stake) UnpackInvalidSignatureError(raw []byte) (*StakeInvalidSignature, error) {
	out := new(StakeInvalidSignature)
	if err := stake.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeNoUnbondRequested represents a NoUnbondRequested error raised by the Stake contract.
type StakeNoUnbondRequested struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoUnbondRequested()
func StakeNoUnbondRequestedErrorID() common.Hash {
	return common.HexToHash("0x8eea0cb8817fafecd9e9559f037664a35a71a5273c62f93a54834d2fc6d5d888")
}

// UnpackNoUnbondRequestedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoUnbondRequested()
func (stake *Stake) UnpackNoUnbondRequestedError(raw []byte) (*StakeNoUnbondRequested, error) {
	out := new(StakeNoUnbondRequested)
	if err := stake.abi.UnpackIntoInterface(out, "NoUnbondRequested", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeNotCanary represents a NotCanary error raised by the Stake contract.
type StakeNotCanary struct {
	FunctionHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotCanary(bytes32 functionHash)
func StakeNotCanaryErrorID() common.Hash {
	return common.HexToHash("0x9db50bc11b9fadbfd6837908c646e74e5ae1c32634db18b2188b721f2d34f5d4")
}

// UnpackNotCanaryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotCanary(bytes32 functionHash)
func (stake *Stake) UnpackNotCanaryError(raw []byte) (*StakeNotCanary, error) {
	out := new(StakeNotCanary)
	if err := stake.abi.UnpackIntoInterface(out, "NotCanary", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeNotGovernor represents a NotGovernor error raised by the Stake contract.
type StakeNotGovernor struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGovernor(address caller)
func StakeNotGovernorErrorID() common.Hash {
	return common.HexToHash("0xad0550d5f64f904d6845e2da1145f7625e411009b26be2bd68f5c8a432c0b075")
}

// UnpackNotGovernorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGovernor(address caller)
func (stake *Stake) UnpackNotGovernorError(raw []byte) (*StakeNotGovernor, error) {
	out := new(StakeNotGovernor)
	if err := stake.abi.UnpackIntoInterface(out, "NotGovernor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeNothingToSlash represents a NothingToSlash error raised by the Stake contract.
type StakeNothingToSlash struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToSlash(address provider)
func StakeNothingToSlashErrorID() common.Hash {
	return common.HexToHash("0xea53296051c9b6c5589470a9aecc521c01574552c7190c8679964112d5636f1c")
}

// UnpackNothingToSlashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToSlash(address provider)
func (stake *Stake) UnpackNothingToSlashError(raw []byte) (*StakeNothingToSlash, error) {
	out := new(StakeNothingToSlash)
	if err := stake.abi.UnpackIntoInterface(out, "NothingToSlash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Stake contract.
type StakeSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func StakeSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (stake *Stake) UnpackSafeERC20FailedOperationError(raw []byte) (*StakeSafeERC20FailedOperation, error) {
	out := new(StakeSafeERC20FailedOperation)
	if err := stake.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeUnbondNotReady represents a UnbondNotReady error raised by the Stake contract.
type StakeUnbondNotReady struct {
	UnbondableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnbondNotReady(uint256 unbondableAt)
func StakeUnbondNotReadyErrorID() common.Hash {
	return common.HexToHash("0xf19b80c7358aea0dd3846f5362ea0455c6cca12623dc11e6a1d7ed5c80ed0b90")
}

// UnpackUnbondNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnbondNotReady(uint256 unbondableAt)
func (stake *Stake) UnpackUnbondNotReadyError(raw []byte) (*StakeUnbondNotReady, error) {
	out := new(StakeUnbondNotReady)
	if err := stake.abi.UnpackIntoInterface(out, "UnbondNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeZeroAddress represents a ZeroAddress error raised by the Stake contract.
type StakeZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func StakeZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (stake *Stake) UnpackZeroAddressError(raw []byte) (*StakeZeroAddress, error) {
	out := new(StakeZeroAddress)
	if err := stake.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakeZeroAmount represents a ZeroAmount error raised by the Stake contract.
type StakeZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func StakeZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (stake *Stake) UnpackZeroAmountError(raw []byte) (*StakeZeroAmount, error) {
	out := new(StakeZeroAmount)
	if err := stake.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
