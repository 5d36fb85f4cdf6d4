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

// EscrowMetaData contains all meta data concerning the Escrow contract.
var EscrowMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"withdrawDelay\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"budget\",\"type\":\"uint256\"}],\"name\":\"BudgetExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"InvalidMeterSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPeriod\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"InvalidVoucherSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"MeterCountExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"MeterRequired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoWithdrawalRequested\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NotApproved\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotMetered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"left\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"renewsAt\",\"type\":\"uint256\"}],\"name\":\"PeriodCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"PriceCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"}],\"name\":\"VoucherAlreadyRedeemed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"}],\"name\":\"VoucherCeilingExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"VoucherExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"Approved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"VoucherRedeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"WithdrawalCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"METER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOUCHER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"WITHDRAW_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"accountOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingWithdrawal\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Account\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"allowanceOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"metered\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"periodStart\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"spentInPeriod\",\"type\":\"uint128\"}],\"internalType\":\"structEscrow.Allowance\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"maxPricePerRequest\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"maxPerPeriod\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"period\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"depositFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"meterDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"meter\",\"type\":\"address\"}],\"name\":\"metered\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"redeemVoucher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"redeemed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"requestWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"meteredCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"settleMetered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"}],\"name\":\"voucherDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "2f94a71a81b891298d0576b3849a4b1892",
	Bin: "0x6101a0604052348015610010575f5ffd5b5060405161282d38038061282d83398101604081905261002f916101b5565b6040518060400160405280601381526020017f57656246756e6374696f6e7320457363726f7700000000000000000000000000815250604051806040016040528060018152602001603160f81b81525061008e8261016f60201b60201c565b6101205261009b8161016f565b61014052815160208084019190912060e052815190820120610100524660a05261012760e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b0382166101575760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b039091166101605261018052610247565b5f5f829050601f815111156101a2578260405163305a27a960e01b815260040161019991906101ec565b60405180910390fd5b80516101ad82610221565b179392505050565b5f5f604083850312156101c6575f5ffd5b82516001600160a01b03811681146101dc575f5ffd5b6020939093015192949293505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80516020808301519190811015610241575f198160200360031b1b821691505b50919050565b60805160a05160c05160e051610100516101205161014051610160516101805161255e6102cf5f395f81816101970152610aee01525f81816102a1015281816105b401528181610a2d0152818161189c015261197e01525f6119d801525f6119ad01525f611b1c01525f611af401525f611a4f01525f611a7901525f611aa3015261255e5ff3fe608060405234801561000f575f5ffd5b5060043610610179575f3560e01c806384b0196e116100d2578063b6b55f2511610088578063ddb7981911610063578063ddb79819146103b8578063ecb4b5dd146103cb578063f698da25146103de575f5ffd5b8063b6b55f2514610368578063c33313ef1461037b578063cf6971df146103a5575f5ffd5b806393c20571116100b857806393c20571146102fe57806394739e8714610311578063b69d429414610338575f5ffd5b806384b0196e146102db57806384b76824146102f6575f5ffd5b80633ccfd60b1161013257806374a8f1031161010d57806374a8f103146102545780638086b8ba1461026757806382bfefc81461029c575f5ffd5b80633ccfd60b146102125780634270e6441461021a578063745400c914610241575f5ffd5b80631a46ec82116101625780631a46ec82146101cc5780631c1051d5146101ec5780632f4f21e2146101ff575f5ffd5b806304facebd1461017d5780630d5e5fff14610192575b5f5ffd5b61019061018b366004611f44565b6103e6565b005b6101b97f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6101df6101da366004611fb9565b6105e7565b6040516101c39190611fea565b6101906101fa3660046120dc565b61073e565b61019061020d36600461214f565b6108d0565b61019061091e565b6101b97f1468b7460e4fd2df1119e598d084ea5e3a235b0c526161c56d0c1fd128b63b5881565b61019061024f366004612177565b610a59565b61019061026236600461218e565b610b64565b61027a61027536600461218e565b610c07565b60408051825181526020808401519082015291810151908201526060016101c3565b6102c37f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016101c3565b6102e3610c69565b6040516101c397969594939291906121fa565b610190610cc7565b61019061030c3660046122ac565b610d4d565b6101b97f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c4081565b6101b96103463660046122e6565b600560209081525f938452604080852082529284528284209052825290205481565b610190610376366004612177565b610dd9565b6101b9610389366004611fb9565b600460209081525f928352604080842090915290825290205481565b6101906103b3366004612345565b610de6565b6101b96103c63660046123bf565b61125c565b6101b96103d9366004612408565b6112e4565b6101b9611345565b84421115610428576040517f07185d51000000000000000000000000000000000000000000000000000000008152600481018690526024015b60405180910390fd5b8583111561046c576040517fb18b6b8e000000000000000000000000000000000000000000000000000000008152600481018490526024810187905260440161041f565b6001600160a01b0387165f9081526004602090815260408083203384529091529020548084116104d2576040517f4d5a0ae6000000000000000000000000000000000000000000000000000000008152600481018590526024810182905260440161041f565b5f6104e089338a8a8a61125c565b90506104ee89828686611353565b61052f576040517f525f7ecc0000000000000000000000000000000000000000000000000000000081526001600160a01b038a16600482015260240161041f565b5f61053a838761245e565b90506105468a826113c7565b6001600160a01b038a165f81815260046020908152604080832033808552908352928190208a905580518a81529182018590529192917f9db0a66aa46bb6f041470363acd5ff2697b4de257f62ccbe1070ec0cf2fb8ab4910160405180910390a36105db6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163383611436565b50505050505050505050565b60408051610100810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e0810191909152506001600160a01b038083165f9081526003602090815260408083208585168452825291829020825161010081018452815467ffffffffffffffff80821683526fffffffffffffffffffffffffffffffff68010000000000000000830481169584019590955263ffffffff78010000000000000000000000000000000000000000000000008304169583019590955260ff7c01000000000000000000000000000000000000000000000000000000009091041615156060820152600182015494851660808201527401000000000000000000000000000000000000000090940490921660a084015260029091015480821660c084015270010000000000000000000000000000000090041660e08201525b92915050565b5f61074887611484565b80549091507c0100000000000000000000000000000000000000000000000000000000900460ff166107a6576040517fcb514bab00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60018101546001600160a01b038881165f908152600560209081526040808320338452825280832093909416808352929052918220549091906107f49067ffffffffffffffff8a1690612471565b90508581111561083a576040517f37ece252000000000000000000000000000000000000000000000000000000008152600481018290526024810187905260440161041f565b5f6108468a33896112e4565b905061085483828888611353565b610895576040517fa8bf0f5c0000000000000000000000000000000000000000000000000000000081526001600160a01b038416600482015260240161041f565b6001600160a01b03808b165f90815260056020908152604080832033845282528083209387168352929052208290556105db848b8b8b611504565b6001600160a01b038216610910576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61091a82826118cc565b5050565b335f9081526002602052604081206001810154909181900361096c576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81600201544210156109b25781600201546040517f581a27f000000000000000000000000000000000000000000000000000000000815260040161041f91815260200190565b81545f9082106109c35782546109c5565b815b905080835f015f8282546109d9919061245e565b90915550505f60018401819055600284015560405181815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a2610a546001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163383611436565b505050565b805f03610a92576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526002602052604090208054821115610ae85780546040517fcf47918100000000000000000000000000000000000000000000000000000000815261041f918491600401918252602082015260400190565b5f610b137f000000000000000000000000000000000000000000000000000000000000000042612471565b6001830184905560028301819055604080518581526020810183905291925033917f24b91f4f47caf44230a57777a9be744924e82bf666f2d5702faf97df35e60f9f910160405180910390a2505050565b335f8181526003602090815260408083206001600160a01b038616808552925280832080547fffffff00000000000000000000000000000000000000000000000000000000001681556001810180547fffffffff00000000000000000000000000000000000000000000000000000000169055600201839055519092917fc336937d058cc0fc95b7491390ffcf122da8cf400512d9714a76f644aa8955b791a350565b610c2860405180606001604052805f81526020015f81526020015f81525090565b506001600160a01b03165f90815260026020818152604092839020835160608101855281548152600182015492810192909252909101549181019190915290565b5f6060805f5f5f6060610c7a6119a6565b610c826119d1565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b335f9081526002602052604081206001810154909103610d13576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f600182018190556002820181905560405133917fc51fdb96728de385ec7859819e3997bc618362ef0dbca0ad051d856866cda3db91a250565b5f610d5784611484565b80549091507c0100000000000000000000000000000000000000000000000000000000900460ff1615610dc75760018101546040517f4b089f4c0000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161041f565b610dd381858585611504565b50505050565b610de333826118cc565b50565b6001600160a01b038616610e26576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6fffffffffffffffffffffffffffffffff83161563ffffffff83161514610e79576040517f17479ac800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526003602090815260408083206001600160a01b038a1684529091528120908063ffffffff851615610f3857825463ffffffff86811678010000000000000000000000000000000000000000000000009092041614610edd57425f610f32565b600183015460028401547401000000000000000000000000000000000000000090910467ffffffffffffffff169070010000000000000000000000000000000090046fffffffffffffffffffffffffffffffff165b90925090505b6040518061010001604052808967ffffffffffffffff168152602001886fffffffffffffffffffffffffffffffff1681526020018663ffffffff1681526020015f6001600160a01b0316866001600160a01b0316141515158152602001856001600160a01b031681526020018367ffffffffffffffff168152602001876fffffffffffffffffffffffffffffffff168152602001826fffffffffffffffffffffffffffffffff1681525060035f336001600160a01b03166001600160a01b031681526020019081526020015f205f8b6001600160a01b03166001600160a01b031681526020019081526020015f205f820151815f015f6101000a81548167ffffffffffffffff021916908367ffffffffffffffff1602179055506020820151815f0160086101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff1602179055506040820151815f0160186101000a81548163ffffffff021916908363ffffffff1602179055506060820151815f01601c6101000a81548160ff0219169083151502179055506080820151816001015f6101000a8154816001600160a01b0302191690836001600160a01b0316021790555060a08201518160010160146101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790555060c0820151816002015f6101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff16021790555060e08201518160020160106101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff160217905550905050886001600160a01b0316336001600160a01b03167fe2d23a4c785fa31208dde61dcae6df4785dba2423164893e716be839e92c9a248a8a8a8a8a60405161124995949392919067ffffffffffffffff9590951685526fffffffffffffffffffffffffffffffff938416602086015291909216604084015263ffffffff9190911660608301526001600160a01b0316608082015260a00190565b60405180910390a3505050505050505050565b604080517f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c4060208201526001600160a01b038088169282019290925290851660608201526080810184905260a0810183905260c081018290525f906112da9060e0015b604051602081830303815290604052805190602001206119fc565b9695505050505050565b604080517f1468b7460e4fd2df1119e598d084ea5e3a235b0c526161c56d0c1fd128b63b5860208201526001600160a01b03808616928201929092529083166060820152608081018290525f9061133d9060a0016112bf565b949350505050565b5f61134e611a43565b905090565b5f846001600160a01b03163b5f036113b2575f5f611372868686611b6c565b5090925090505f81600381111561138b5761138b612484565b1480156113a95750866001600160a01b0316826001600160a01b0316145b9250505061133d565b6113be85858585611bb3565b95945050505050565b6001600160a01b0382165f908152600260205260409020805480831115611424576040517fcf479181000000000000000000000000000000000000000000000000000000008152600481018490526024810182905260440161041f565b61142e838261245e565b909155505050565b6114438383836001611c36565b610a54576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b038416600482015260240161041f565b6001600160a01b0381165f90815260036020908152604080832033845290915281208054909167ffffffffffffffff90911690036114ff576040517f19407d360000000000000000000000000000000000000000000000000000000081526001600160a01b038316600482015233602482015260440161041f565b919050565b805f0361153d576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b83545f906115599067ffffffffffffffff9081169085166124b1565b90508082111561159f576040517fc7162329000000000000000000000000000000000000000000000000000000008152600481018390526024810182905260440161041f565b84546801000000000000000090046fffffffffffffffffffffffffffffffff1680831115611614576040517f29a8b5f0000000000000000000000000000000000000000000000000000000008152600481018490526fffffffffffffffffffffffffffffffff8216602482015260440161041f565b61161e83826124c8565b86546fffffffffffffffffffffffffffffffff9190911668010000000000000000027fffffffffffffffff00000000000000000000000000000000ffffffffffffffff9091161780875563ffffffff780100000000000000000000000000000000000000000000000090910416801561183557600187015460028801547401000000000000000000000000000000000000000090910467ffffffffffffffff169070010000000000000000000000000000000090046fffffffffffffffffffffffffffffffff166116ef8383612471565b421061171a5782611700834261245e565b61170a91906124f0565b611714904261245e565b91505f90505b60028901546fffffffffffffffffffffffffffffffff165f8183101561174957611744838361245e565b61174b565b5f5b9050808811156117a45787816117618787612471565b6040517f74dedd8100000000000000000000000000000000000000000000000000000000815260048101939093526024830191909152604482015260640161041f565b60018b0180547fffffffff0000000000000000ffffffffffffffffffffffffffffffffffffffff167401000000000000000000000000000000000000000067ffffffffffffffff8716021790556117fb8884612471565b60028c0180546fffffffffffffffffffffffffffffffff928316700100000000000000000000000000000000029216919091179055505050505b61183f86856113c7565b6040805167ffffffffffffffff871681526020810186905233916001600160a01b038916917fa20f58a926fbe148adc74f98f3ec5b5865ab0c8c2a258cef1ebc58ef1c20d8f4910160405180910390a36118c36001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163386611436565b50505050505050565b805f03611905576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b0382165f908152600260205260408120805483929061192c908490612471565b909155505060405181815233906001600160a01b038416907f8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a79060200160405180910390a361091a6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333084611cb1565b606061134e7f0000000000000000000000000000000000000000000000000000000000000000611d00565b606061134e7f0000000000000000000000000000000000000000000000000000000000000000611d00565b5f610738611a08611a43565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015611a9b57507f000000000000000000000000000000000000000000000000000000000000000046145b15611ac557507f000000000000000000000000000000000000000000000000000000000000000090565b61134e604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f80806041849003611ba0578435602086013560408701355f1a611b9289828585611d3d565b955095509550505050611baa565b505f915060029050825b93509350939050565b604080517f1626ba7e00000000000000000000000000000000000000000000000000000000808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316611ca5578383151615611c99573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b611cbf848484846001611e23565b610dd3576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b038516600482015260240161041f565b60605f611d0c83611ea9565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115611d7657505f91506003905082611e19565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015611dc7573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe001519150506001600160a01b038116611e1057505f925060019150829050611e19565b92505f91508190505b9450945094915050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316611e98578383151615611e8c573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f60ff8216601f811115610738576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80356001600160a01b03811681146114ff575f5ffd5b5f5f83601f840112611f0f575f5ffd5b50813567ffffffffffffffff811115611f26575f5ffd5b602083019150836020828501011115611f3d575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a031215611f5a575f5ffd5b611f6388611ee9565b96506020880135955060408801359450606088013593506080880135925060a088013567ffffffffffffffff811115611f9a575f5ffd5b611fa68a828b01611eff565b989b979a50959850939692959293505050565b5f5f60408385031215611fca575f5ffd5b611fd383611ee9565b9150611fe160208401611ee9565b90509250929050565b5f6101008201905067ffffffffffffffff83511682526fffffffffffffffffffffffffffffffff602084015116602083015263ffffffff6040840151166040830152606083015161203f606084018215159052565b50608083015161205a60808401826001600160a01b03169052565b5060a083015161207660a084018267ffffffffffffffff169052565b5060c083015161209a60c08401826fffffffffffffffffffffffffffffffff169052565b5060e08301516120be60e08401826fffffffffffffffffffffffffffffffff169052565b5092915050565b803567ffffffffffffffff811681146114ff575f5ffd5b5f5f5f5f5f5f60a087890312156120f1575f5ffd5b6120fa87611ee9565b9550612108602088016120c5565b94506040870135935060608701359250608087013567ffffffffffffffff811115612131575f5ffd5b61213d89828a01611eff565b979a9699509497509295939492505050565b5f5f60408385031215612160575f5ffd5b61216983611ee9565b946020939093013593505050565b5f60208284031215612187575f5ffd5b5035919050565b5f6020828403121561219e575f5ffd5b6121a782611ee9565b9392505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61223460e08301896121ae565b828103604084015261224681896121ae565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561229b57835183526020938401939092019160010161227d565b50909b9a5050505050505050505050565b5f5f5f606084860312156122be575f5ffd5b6122c784611ee9565b92506122d5602085016120c5565b929592945050506040919091013590565b5f5f5f606084860312156122f8575f5ffd5b61230184611ee9565b925061230f60208501611ee9565b915061231d60408501611ee9565b90509250925092565b80356fffffffffffffffffffffffffffffffff811681146114ff575f5ffd5b5f5f5f5f5f5f60c0878903121561235a575f5ffd5b61236387611ee9565b9550612371602088016120c5565b945061237f60408801612326565b935061238d60608801612326565b9250608087013563ffffffff811681146123a5575f5ffd5b91506123b360a08801611ee9565b90509295509295509295565b5f5f5f5f5f60a086880312156123d3575f5ffd5b6123dc86611ee9565b94506123ea60208701611ee9565b94979496505050506040830135926060810135926080909101359150565b5f5f5f6060848603121561241a575f5ffd5b61242384611ee9565b92506122d560208501611ee9565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561073857610738612431565b8082018082111561073857610738612431565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b808202811582820484141761073857610738612431565b6fffffffffffffffffffffffffffffffff828116828216039081111561073857610738612431565b5f82612523577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b50069056fea264697066735822122093b839da597ff1956c8f2d7e8e2cf9f60ea97014c231e4d790f5afde806b64f764736f6c63430008250033",
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
// Solidity: constructor(address token, uint256 withdrawDelay) returns()
func (escrow *Escrow) PackConstructor(token common.Address, withdrawDelay *big.Int) []byte {
	enc, err := escrow.abi.Pack("", token, withdrawDelay)
	if err != nil {
		panic(err)
	}
	return enc
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
