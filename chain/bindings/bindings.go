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
	MaxPricePerRequest *big.Int
	Budget             *big.Int
}

// RegistryProvider is an auto generated low-level Go binding around an user-defined struct.
type RegistryProvider struct {
	Owner           common.Address
	PricePerRequest *big.Int
	Name            string
	Endpoint        string
	SealingKey      []byte
	MetadataCID     string
}

// AttestationsMetaData contains all meta data concerning the Attestations contract.
var AttestationsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"AlreadyRevoked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"BadNonce\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"InvalidField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"}],\"name\":\"InvalidScore\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"}],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"UnknownAttestation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"providerHash\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"Attested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"providerHash\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ATTESTATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_REPORT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SCORE\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_TTL\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"}],\"name\":\"attest\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"attestSigned\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"attestationDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"latest\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"},{\"internalType\":\"uint64\",\"name\":\"issuedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revoked\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reportCID\",\"type\":\"string\"}],\"internalType\":\"structAttestations.Attestation\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"auditor\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"provider\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"}],\"name\":\"valid\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint16\",\"name\":\"score\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "dffe32a33a17277ec60e904a515534f650",
	Bin: "0x6080604052348015600e575f5ffd5b506118eb8061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100c4575f3560e01c8063ab7cba5b1161007d578063ca9b8ebc11610058578063ca9b8ebc146101c5578063e01b402d146101cd578063f7b66e26146101d7575f5ffd5b8063ab7cba5b1461017f578063b989f80e14610192578063c8cd30d6146101b2575f5ffd5b806377604376116100ad578063776043761461011e5780637ecebe001461014b578063913a46de1461016a575f5ffd5b806307090c1f146100c857806327ff622314610102575b5f5ffd5b6100ef7f855456a2f768b69f5551bbb083da7022c45c24142bfe28fb5b61c867d83db07781565b6040519081526020015b60405180910390f35b61010b61271081565b60405161ffff90911681526020016100f9565b61013161012c3660046110a2565b6101ea565b60408051921515835261ffff9091166020830152016100f9565b6100ef610159366004611102565b60016020525f908152604090205481565b61017d610178366004611122565b610303565b005b61017d61018d366004611192565b6104b8565b6101a56101a0366004611286565b610669565b6040516100f99190611328565b61017d6101c03660046113ce565b610873565b6100ef608081565b6100ef62278d0081565b6100ef6101e5366004611470565b61088e565b5f5f5f5f5f6102578a8a8a60405161020392919061151d565b6040805191829003822073ffffffffffffffffffffffffffffffffffffffff939093166020808401919091528282019390935260608083018c90528151808403909101815260809092019052805191012090565b815260208101919091526040015f20805490915073ffffffffffffffffffffffffffffffffffffffff16158015906102a05750600181015468010000000000000000900460ff16155b80156102bb575060018101544267ffffffffffffffff909116115b80156102ca5750838160020154145b9250826102d7575f6102f6565b805474010000000000000000000000000000000000000000900461ffff165b9150509550959350505050565b5f838360405161031492919061151d565b604051809103902090505f5f5f6103783385876040805173ffffffffffffffffffffffffffffffffffffffff85166020820152908101839052606081018290525f906080016040516020818303038152906040528051906020012090509392505050565b815260208101919091526040015f20805490915073ffffffffffffffffffffffffffffffffffffffff166103e957338585856040517f91a485ff0000000000000000000000000000000000000000000000000000000081526004016103e09493929190611573565b60405180910390fd5b600181015468010000000000000000900460ff161561043c57338585856040517f3b9279b90000000000000000000000000000000000000000000000000000000081526004016103e09493929190611573565b6001810180547fffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffff16680100000000000000001790556040518390839033907f9c97787f4fd88acbe35fbd5a07299de4c6ffb173754ef369772db88c01119343906104a9908a908a906115b3565b60405180910390a45050505050565b73ffffffffffffffffffffffffffffffffffffffff8c165f90815260016020526040902054831461054b5773ffffffffffffffffffffffffffffffffffffffff8c165f81815260016020526040908190205490517fc56f17f500000000000000000000000000000000000000000000000000000000815260048101929092526024820152604481018490526064016103e0565b5f61055d8c8c8c8c8c8c8c8c8c61088e565b90505f5f6105a08386868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610a3292505050565b5090925090505f8160038111156105b9576105b96115c6565b1415806105f257508e73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff1614155b15610647578e6040517fd855c4f40000000000000000000000000000000000000000000000000000000081526004016103e0919073ffffffffffffffffffffffffffffffffffffffff91909116815260200190565b6106588f8f8f8f8f8f8f8f8f610a7b565b505050505050505050505050505050565b60408051610100810182525f8082526020820181905291810182905260608082018390526080820183905260a0820183905260c082019290925260e08101919091525f5f6107158787876040516106c192919061151d565b6040805191829003822073ffffffffffffffffffffffffffffffffffffffff939093166020808401919091528282019390935260608083018990528151808403909101815260809092019052805191012090565b815260208082019290925260409081015f20815161010081018352815473ffffffffffffffffffffffffffffffffffffffff8116825274010000000000000000000000000000000000000000810461ffff169482019490945276010000000000000000000000000000000000000000000090930467ffffffffffffffff90811692840192909252600181015491821660608401526801000000000000000090910460ff1615156080830152600281015460a0830152600381015460c083015260048101805460e0840191906107e9906115f3565b80601f0160208091040260200160405190810160405280929190818152602001828054610815906115f3565b80156108605780601f1061083757610100808354040283529160200191610860565b820191905f5260205f20905b81548152906001019060200180831161084357829003601f168201915b5050505050815250509050949350505050565b610884338989898989898989610a7b565b5050505050505050565b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527fbf19eaff0d5c7b71c23a13b2717b63c6d98c95dd7532130979c7f03d8fa2354a918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a08201525f90819060c001604051602081830303815290604052805190602001209050610a23817f855456a2f768b69f5551bbb083da7022c45c24142bfe28fb5b61c867d83db0778d8d60405161096692919061151d565b60405180910390208c8c8c8c60405161098092919061151d565b6040805191829003822060208301969096528101939093526060830191909152608082015260a081019190915261ffff881660c082015267ffffffffffffffff871660e0820152610100810186905261012001604051602081830303815290604052805190602001206040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b9b9a5050505050505050505050565b5f5f5f8351604103610a69576020840151604085015160608601515f1a610a5b88828585610f42565b955095509550505050610a74565b505081515f91506002905b9250925092565b5f879003610ae5576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600860248201527f70726f766964657200000000000000000000000000000000000000000000000060448201526064016103e0565b84610b4c576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600c60248201527f6d616e696665737448617368000000000000000000000000000000000000000060448201526064016103e0565b821580610b595750608083115b15610bc0576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600960248201527f7265706f7274434944000000000000000000000000000000000000000000000060448201526064016103e0565b61271061ffff83161115610c06576040517fd5c7261e00000000000000000000000000000000000000000000000000000000815261ffff831660048201526024016103e0565b428167ffffffffffffffff16111580610c345750610c2762278d0042611671565b8167ffffffffffffffff16115b15610c77576040517f5e23ca6800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff821660048201526024016103e0565b5f8888604051610c8892919061151d565b604080519182900390912073ffffffffffffffffffffffffffffffffffffffff8c165f908152600160205291822080549193509091610cc68361168a565b91905055506040518061010001604052808b73ffffffffffffffffffffffffffffffffffffffff1681526020018461ffff1681526020014267ffffffffffffffff1681526020018367ffffffffffffffff1681526020015f1515815260200187815260200188815260200186868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201829052509390945250506040805173ffffffffffffffffffffffffffffffffffffffff8f811660208084019190915282840188905260608084018f90528451808503820181526080948501865280519083012086528582529484902087518154928901519589015167ffffffffffffffff908116760100000000000000000000000000000000000000000000027fffff0000000000000000ffffffffffffffffffffffffffffffffffffffffffff61ffff90981674010000000000000000000000000000000000000000027fffffffffffffffffffff00000000000000000000000000000000000000000000909516929095169190911792909217949094169190911783559285015160018301805492870151151568010000000000000000027fffffffffffffffffffffffffffffffffffffffffffffff00000000000000000090931691909416171790915560a0830151600282015560c0830151600382015560e08301519091506004820190610ed69082611745565b5090505086818b73ffffffffffffffffffffffffffffffffffffffff167f9b6d3bee9d871099a3fbb6185345f9411bbb3be3df17f7f82686643201bc13c98c8c8b8b8b8b8b604051610f2e9796959493929190611860565b60405180910390a450505050505050505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115610f7b57505f9150600390508261102b565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015610fcc573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661102257505f92506001915082905061102b565b92505f91508190505b9450945094915050565b803573ffffffffffffffffffffffffffffffffffffffff81168114611058575f5ffd5b919050565b5f5f83601f84011261106d575f5ffd5b50813567ffffffffffffffff811115611084575f5ffd5b60208301915083602082850101111561109b575f5ffd5b9250929050565b5f5f5f5f5f608086880312156110b6575f5ffd5b6110bf86611035565b9450602086013567ffffffffffffffff8111156110da575f5ffd5b6110e68882890161105d565b9699909850959660408101359660609091013595509350505050565b5f60208284031215611112575f5ffd5b61111b82611035565b9392505050565b5f5f5f60408486031215611134575f5ffd5b833567ffffffffffffffff81111561114a575f5ffd5b6111568682870161105d565b909790965060209590950135949350505050565b803561ffff81168114611058575f5ffd5b803567ffffffffffffffff81168114611058575f5ffd5b5f5f5f5f5f5f5f5f5f5f5f5f6101208d8f0312156111ae575f5ffd5b6111b78d611035565b9b5067ffffffffffffffff60208e013511156111d1575f5ffd5b6111e18e60208f01358f0161105d565b909b50995060408d0135985060608d0135975067ffffffffffffffff60808e0135111561120c575f5ffd5b61121c8e60808f01358f0161105d565b909750955061122d60a08e0161116a565b945061123b60c08e0161117b565b935060e08d0135925067ffffffffffffffff6101008e0135111561125d575f5ffd5b61126e8e6101008f01358f0161105d565b81935080925050509295989b509295989b509295989b565b5f5f5f5f60608587031215611299575f5ffd5b6112a285611035565b9350602085013567ffffffffffffffff8111156112bd575f5ffd5b6112c98782880161105d565b9598909750949560400135949350505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b6020815273ffffffffffffffffffffffffffffffffffffffff825116602082015261ffff60208301511660408201525f6040830151611373606084018267ffffffffffffffff169052565b50606083015167ffffffffffffffff8116608084015250608083015180151560a08401525060a083015160c083015260c083015160e083015260e0830151610100808401526113c66101208401826112dc565b949350505050565b5f5f5f5f5f5f5f5f60c0898b0312156113e5575f5ffd5b883567ffffffffffffffff8111156113fb575f5ffd5b6114078b828c0161105d565b9099509750506020890135955060408901359450606089013567ffffffffffffffff811115611434575f5ffd5b6114408b828c0161105d565b9095509350611453905060808a0161116a565b915061146160a08a0161117b565b90509295985092959890939650565b5f5f5f5f5f5f5f5f5f60e08a8c031215611488575f5ffd5b893567ffffffffffffffff81111561149e575f5ffd5b6114aa8c828d0161105d565b909a5098505060208a0135965060408a0135955060608a013567ffffffffffffffff8111156114d7575f5ffd5b6114e38c828d0161105d565b90965094506114f6905060808b0161116a565b925061150460a08b0161117b565b989b979a50959894979396929550909360c00135919050565b818382375f9101908152919050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b73ffffffffffffffffffffffffffffffffffffffff85168152606060208201525f6115a260608301858761152c565b905082604083015295945050505050565b602081525f6113c660208301848661152c565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b600181811c9082168061160757607f821691505b60208210810361163e577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8082018082111561168457611684611644565b92915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036116ba576116ba611644565b5060010190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b601f821115611740578282111561174057805f5260205f20601f840160051c602085101561171957505f5b90810190601f840160051c035f5b8181101561173c575f83820155600101611727565b5050505b505050565b815167ffffffffffffffff81111561175f5761175f6116c1565b6117738161176d84546115f3565b846116ee565b6020601f8211600181146117c4575f831561178e5750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b178455611859565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b8281101561181157878501518255602094850194600190920191016117f1565b508482101561184d57868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b60a081525f61187360a08301898b61152c565b876020840152828103604084015261188c81878961152c565b91505061ffff8416606083015267ffffffffffffffff831660808301529897505050505050505056fea2646970667358221220573c4d0f82e1a117d982940f56210f89be837ad783596c2a81cf05330ca784c164736f6c63430008250033",
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
// the contract method with ID 0xc8cd30d6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attest(string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt) returns()
func (attestations *Attestations) PackAttest(provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64) []byte {
	enc, err := attestations.abi.Pack("attest", provider, schema, manifestHash, reportCID, score, expiresAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc8cd30d6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attest(string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt) returns()
func (attestations *Attestations) TryPackAttest(provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64) ([]byte, error) {
	return attestations.abi.Pack("attest", provider, schema, manifestHash, reportCID, score, expiresAt)
}

// PackAttestSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab7cba5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestSigned(address auditor, string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce, bytes signature) returns()
func (attestations *Attestations) PackAttestSigned(auditor common.Address, provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int, signature []byte) []byte {
	enc, err := attestations.abi.Pack("attestSigned", auditor, provider, schema, manifestHash, reportCID, score, expiresAt, nonce, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab7cba5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestSigned(address auditor, string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce, bytes signature) returns()
func (attestations *Attestations) TryPackAttestSigned(auditor common.Address, provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int, signature []byte) ([]byte, error) {
	return attestations.abi.Pack("attestSigned", auditor, provider, schema, manifestHash, reportCID, score, expiresAt, nonce, signature)
}

// PackAttestationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7b66e26.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationDigest(string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
func (attestations *Attestations) PackAttestationDigest(provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int) []byte {
	enc, err := attestations.abi.Pack("attestationDigest", provider, schema, manifestHash, reportCID, score, expiresAt, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7b66e26.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationDigest(string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
func (attestations *Attestations) TryPackAttestationDigest(provider string, schema [32]byte, manifestHash [32]byte, reportCID string, score uint16, expiresAt uint64, nonce *big.Int) ([]byte, error) {
	return attestations.abi.Pack("attestationDigest", provider, schema, manifestHash, reportCID, score, expiresAt, nonce)
}

// UnpackAttestationDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf7b66e26.
//
// Solidity: function attestationDigest(string provider, bytes32 schema, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt, uint256 nonce) view returns(bytes32)
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
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
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
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
func (attestations *Attestations) TryPackLatest(auditor common.Address, provider string, schema [32]byte) ([]byte, error) {
	return attestations.abi.Pack("latest", auditor, provider, schema)
}

// UnpackLatest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb989f80e.
//
// Solidity: function latest(address auditor, string provider, bytes32 schema) view returns((address,uint16,uint64,uint64,bool,bytes32,bytes32,string))
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
// the contract method with ID 0x77604376.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function valid(address auditor, string provider, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
func (attestations *Attestations) PackValid(auditor common.Address, provider string, schema [32]byte, manifestHash [32]byte) []byte {
	enc, err := attestations.abi.Pack("valid", auditor, provider, schema, manifestHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x77604376.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function valid(address auditor, string provider, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
func (attestations *Attestations) TryPackValid(auditor common.Address, provider string, schema [32]byte, manifestHash [32]byte) ([]byte, error) {
	return attestations.abi.Pack("valid", auditor, provider, schema, manifestHash)
}

// ValidOutput serves as a container for the return parameters of contract
// method Valid.
type ValidOutput struct {
	Ok    bool
	Score uint16
}

// UnpackValid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x77604376.
//
// Solidity: function valid(address auditor, string provider, bytes32 schema, bytes32 manifestHash) view returns(bool ok, uint16 score)
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
// Solidity: event Attested(address indexed auditor, bytes32 indexed providerHash, bytes32 indexed schema, string provider, bytes32 manifestHash, string reportCID, uint16 score, uint64 expiresAt)
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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"withdrawDelay\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"budget\",\"type\":\"uint256\"}],\"name\":\"BudgetExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"InvalidVoucherSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoWithdrawalRequested\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NotApproved\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"PriceCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"}],\"name\":\"VoucherAlreadyRedeemed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"}],\"name\":\"VoucherCeilingExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"VoucherExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"maxPricePerRequest\",\"type\":\"uint128\"},{\"indexed\":false,\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"}],\"name\":\"Approved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"VoucherRedeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"WithdrawalCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"TOKEN\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOUCHER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"WITHDRAW_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"}],\"name\":\"accountOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingWithdrawal\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawableAt\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Account\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"allowanceOf\",\"outputs\":[{\"components\":[{\"internalType\":\"uint128\",\"name\":\"maxPricePerRequest\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"}],\"internalType\":\"structEscrow.Allowance\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint128\",\"name\":\"maxPricePerRequest\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"budget\",\"type\":\"uint128\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"depositFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"upTo\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"redeemVoucher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"redeemed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"requestWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"session\",\"type\":\"bytes32\"}],\"name\":\"voucherDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "2f94a71a81b891298d0576b3849a4b1892",
	Bin: "0x6101a0604052348015610010575f5ffd5b50604051611e1c380380611e1c83398101604081905261002f916101b5565b6040518060400160405280601381526020017f57656246756e6374696f6e7320457363726f7700000000000000000000000000815250604051806040016040528060018152602001603160f81b81525061008e8261016f60201b60201c565b6101205261009b8161016f565b61014052815160208084019190912060e052815190820120610100524660a05261012760e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b0382166101575760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b039091166101605261018052610247565b5f5f829050601f815111156101a2578260405163305a27a960e01b815260040161019991906101ec565b60405180910390fd5b80516101ad82610221565b179392505050565b5f5f604083850312156101c6575f5ffd5b82516001600160a01b03811681146101dc575f5ffd5b6020939093015192949293505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80516020808301519190811015610241575f198160200360031b1b821691505b50919050565b60805160a05160c05160e0516101005161012051610140516101605161018051611b4d6102cf5f395f818161014d015261083c01525f8181610240015281816105510152818161077b01528181610d22015261114f01525f6111a901525f61117e01525f6112fa01525f6112d201525f61122d01525f61125701525f6112810152611b4d5ff3fe608060405234801561000f575f5ffd5b506004361061012f575f3560e01c806384b0196e116100ad578063b6b55f251161007d578063c33313ef11610063578063c33313ef1461030a578063ddb7981914610334578063f698da2514610347575f5ffd5b8063b6b55f25146102e4578063bbe146fd146102f7575f5ffd5b806384b0196e1461028757806384b76824146102a257806393c20571146102aa57806394739e87146102bd575f5ffd5b80633ccfd60b1161010257806374a8f103116100e857806374a8f103146101f35780638086b8ba1461020657806382bfefc81461023b575f5ffd5b80633ccfd60b146101d8578063745400c9146101e0575f5ffd5b806304facebd146101335780630d5e5fff146101485780631a46ec82146101825780632f4f21e2146101c5575b5f5ffd5b610146610141366004611729565b61034f565b005b61016f7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6101956101903660046117cd565b610584565b6040805182516fffffffffffffffffffffffffffffffff9081168252602093840151169281019290925201610179565b6101466101d33660046117fe565b610604565b61014661065f565b6101466101ee366004611826565b6107a7565b61014661020136600461183d565b6108b2565b61021961021436600461183d565b61090f565b6040805182518152602080840151908201529181015190820152606001610179565b6102627f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff9091168152602001610179565b61028f61097e565b60405161017997969594939291906118a9565b6101466109dc565b6101466102b8366004611968565b610a62565b61016f7f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c4081565b6101466102f2366004611826565b610d50565b6101466103053660046119cf565b610d5d565b61016f6103183660046117cd565b600460209081525f928352604080842090915290825290205481565b61016f610342366004611a0f565b610e60565b61016f610ef4565b84421115610391576040517f07185d51000000000000000000000000000000000000000000000000000000008152600481018690526024015b60405180910390fd5b858311156103d5576040517fb18b6b8e0000000000000000000000000000000000000000000000000000000081526004810184905260248101879052604401610388565b73ffffffffffffffffffffffffffffffffffffffff87165f908152600460209081526040808320338452909152902054808411610448576040517f4d5a0ae60000000000000000000000000000000000000000000000000000000081526004810185905260248101829052604401610388565b5f61045689338a8a8a610e60565b905061046489828686610f02565b6104b2576040517f525f7ecc00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a166004820152602401610388565b5f6104bd8387611a85565b90506104c98a82610f9f565b73ffffffffffffffffffffffffffffffffffffffff8a165f81815260046020908152604080832033808552908352928190208a905580518a81529182018590529192917f9db0a66aa46bb6f041470363acd5ff2697b4de257f62ccbe1070ec0cf2fb8ab4910160405180910390a361057873ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016338361101b565b50505050505050505050565b6040805180820182525f808252602091820181905273ffffffffffffffffffffffffffffffffffffffff858116825260038352838220908516825282528290208251808401909352546fffffffffffffffffffffffffffffffff808216845270010000000000000000000000000000000090910416908201525b92915050565b73ffffffffffffffffffffffffffffffffffffffff8216610651576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61065b8282611076565b5050565b335f908152600260205260408120600181015490918190036106ad576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81600201544210156106f35781600201546040517f581a27f000000000000000000000000000000000000000000000000000000000815260040161038891815260200190565b81545f908210610704578254610706565b815b905080835f015f82825461071a9190611a85565b90915550505f60018401819055600284015560405181815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a26107a273ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016338361101b565b505050565b805f036107e0576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f90815260026020526040902080548211156108365780546040517fcf479181000000000000000000000000000000000000000000000000000000008152610388918491600401918252602082015260400190565b5f6108617f000000000000000000000000000000000000000000000000000000000000000042611a98565b6001830184905560028301819055604080518581526020810183905291925033917f24b91f4f47caf44230a57777a9be744924e82bf666f2d5702faf97df35e60f9f910160405180910390a2505050565b335f81815260036020908152604080832073ffffffffffffffffffffffffffffffffffffffff86168085529252808320839055519092917fc336937d058cc0fc95b7491390ffcf122da8cf400512d9714a76f644aa8955b791a350565b61093060405180606001604052805f81526020015f81526020015f81525090565b5073ffffffffffffffffffffffffffffffffffffffff165f90815260026020818152604092839020835160608101855281548152600182015492810192909252909101549181019190915290565b5f6060805f5f5f606061098f611177565b6109976111a2565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b335f9081526002602052604081206001810154909103610a28576040517f87bdc6a900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f600182018190556002820181905560405133917fc51fdb96728de385ec7859819e3997bc618362ef0dbca0ad051d856866cda3db91a250565b805f03610a9b576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff83165f90815260036020908152604080832033845282528083208151808301909252546fffffffffffffffffffffffffffffffff80821680845270010000000000000000000000000000000090920416928201929092529103610b5d576040517f19407d3600000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152336024820152604401610388565b80515f90610b87906fffffffffffffffffffffffffffffffff1667ffffffffffffffff8616611aab565b905080831115610bcd576040517fc71623290000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610388565b81602001516fffffffffffffffffffffffffffffffff16831115610c3e5760208201516040517f29a8b5f0000000000000000000000000000000000000000000000000000000008152600481018590526fffffffffffffffffffffffffffffffff9091166024820152604401610388565b610c488584610f9f565b828260200151610c589190611ac2565b73ffffffffffffffffffffffffffffffffffffffff86165f8181526003602090815260408083203380855292529182902080546fffffffffffffffffffffffffffffffff95861670010000000000000000000000000000000002951694909417909355517fa20f58a926fbe148adc74f98f3ec5b5865ab0c8c2a258cef1ebc58ef1c20d8f490610d00908890889067ffffffffffffffff929092168252602082015260400190565b60405180910390a3610d4973ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016338561101b565b5050505050565b610d5a3382611076565b50565b73ffffffffffffffffffffffffffffffffffffffff8316610daa576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040805180820182526fffffffffffffffffffffffffffffffff8481168083528482166020808501828152335f8181526003845288812073ffffffffffffffffffffffffffffffffffffffff8d1680835290855290899020975192518716700100000000000000000000000000000000029290961691909117909555855192835282015290927f4b7b041224420b8ce55fc22bfa73dc5668c252396c8e3ad883d18aabf7386a55910160405180910390a3505050565b604080517f64050caca9d6db4013fb5bbbabf90aeef1831071e2bb90cde978dd5b52cd2c40602082015273ffffffffffffffffffffffffffffffffffffffff8088169282019290925290851660608201526080810184905260a0810183905260c081018290525f90610eea9060e001604051602081830303815290604052805190602001206111cd565b9695505050505050565b5f610efd611214565b905090565b5f8473ffffffffffffffffffffffffffffffffffffffff163b5f03610f88575f5f610f2e86868661134a565b5090925090505f816003811115610f4757610f47611aea565b148015610f7f57508673ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16145b92505050610f97565b610f9485858585611391565b90505b949350505050565b73ffffffffffffffffffffffffffffffffffffffff82165f908152600260205260409020805480831115611009576040517fcf4791810000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610388565b6110138382611a85565b909155505050565b6110288383836001611414565b6107a2576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610388565b805f036110af576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff82165f90815260026020526040812080548392906110e3908490611a98565b9091555050604051818152339073ffffffffffffffffffffffffffffffffffffffff8416907f8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a79060200160405180910390a361065b73ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001633308461149c565b6060610efd7f00000000000000000000000000000000000000000000000000000000000000006114fe565b6060610efd7f00000000000000000000000000000000000000000000000000000000000000006114fe565b5f6105fe6111d9611214565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b5f3073ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001614801561127957507f000000000000000000000000000000000000000000000000000000000000000046145b156112a357507f000000000000000000000000000000000000000000000000000000000000000090565b610efd604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f8080604184900361137e578435602086013560408701355f1a6113708982858561153b565b955095509550505050611388565b505f915060029050825b93509350939050565b604080517f1626ba7e00000000000000000000000000000000000000000000000000000000808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f51148316611490578383151615611484573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b6114aa84848484600161162e565b6114f8576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610388565b50505050565b60605f61150a836116c1565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561157457505f91506003905082611624565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156115c5573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661161b57505f925060019150829050611624565b92505f91508190505b9450945094915050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f511483166116b05783831516156116a4573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f60ff8216601f8111156105fe576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b803573ffffffffffffffffffffffffffffffffffffffff81168114611724575f5ffd5b919050565b5f5f5f5f5f5f5f60c0888a03121561173f575f5ffd5b61174888611701565b96506020880135955060408801359450606088013593506080880135925060a088013567ffffffffffffffff81111561177f575f5ffd5b8801601f81018a1361178f575f5ffd5b803567ffffffffffffffff8111156117a5575f5ffd5b8a60208284010111156117b6575f5ffd5b602082019350809250505092959891949750929550565b5f5f604083850312156117de575f5ffd5b6117e783611701565b91506117f560208401611701565b90509250929050565b5f5f6040838503121561180f575f5ffd5b61181883611701565b946020939093013593505050565b5f60208284031215611836575f5ffd5b5035919050565b5f6020828403121561184d575f5ffd5b61185682611701565b9392505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f6118e360e083018961185d565b82810360408401526118f5818961185d565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015611957578351835260209384019390920191600101611939565b50909b9a5050505050505050505050565b5f5f5f6060848603121561197a575f5ffd5b61198384611701565b9250602084013567ffffffffffffffff8116811461199f575f5ffd5b929592945050506040919091013590565b80356fffffffffffffffffffffffffffffffff81168114611724575f5ffd5b5f5f5f606084860312156119e1575f5ffd5b6119ea84611701565b92506119f8602085016119b0565b9150611a06604085016119b0565b90509250925092565b5f5f5f5f5f60a08688031215611a23575f5ffd5b611a2c86611701565b9450611a3a60208701611701565b94979496505050506040830135926060810135926080909101359150565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b818103818111156105fe576105fe611a58565b808201808211156105fe576105fe611a58565b80820281158282048414176105fe576105fe611a58565b6fffffffffffffffffffffffffffffffff82811682821603908111156105fe576105fe611a58565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffdfea264697066735822122015c2a6fba473f48b4ed41328eafe645fb1cd003e88661da9e65f32c7b4b2836164736f6c63430008250033",
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
// Solidity: function allowanceOf(address payer, address provider) view returns((uint128,uint128))
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
// Solidity: function allowanceOf(address payer, address provider) view returns((uint128,uint128))
func (escrow *Escrow) TryPackAllowanceOf(payer common.Address, provider common.Address) ([]byte, error) {
	return escrow.abi.Pack("allowanceOf", payer, provider)
}

// UnpackAllowanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1a46ec82.
//
// Solidity: function allowanceOf(address payer, address provider) view returns((uint128,uint128))
func (escrow *Escrow) UnpackAllowanceOf(data []byte) (EscrowAllowance, error) {
	out, err := escrow.abi.Unpack("allowanceOf", data)
	if err != nil {
		return *new(EscrowAllowance), err
	}
	out0 := *abi.ConvertType(out[0], new(EscrowAllowance)).(*EscrowAllowance)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbe146fd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address provider, uint128 maxPricePerRequest, uint128 budget) returns()
func (escrow *Escrow) PackApprove(provider common.Address, maxPricePerRequest *big.Int, budget *big.Int) []byte {
	enc, err := escrow.abi.Pack("approve", provider, maxPricePerRequest, budget)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbe146fd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address provider, uint128 maxPricePerRequest, uint128 budget) returns()
func (escrow *Escrow) TryPackApprove(provider common.Address, maxPricePerRequest *big.Int, budget *big.Int) ([]byte, error) {
	return escrow.abi.Pack("approve", provider, maxPricePerRequest, budget)
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
	MaxPricePerRequest *big.Int
	Budget             *big.Int
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
// Solidity: event Approved(address indexed payer, address indexed provider, uint128 maxPricePerRequest, uint128 budget)
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
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["InvalidVoucherSignature"].ID.Bytes()[:4]) {
		return escrow.UnpackInvalidVoucherSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["NoWithdrawalRequested"].ID.Bytes()[:4]) {
		return escrow.UnpackNoWithdrawalRequestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], escrow.abi.Errors["NotApproved"].ID.Bytes()[:4]) {
		return escrow.UnpackNotApprovedError(raw[4:])
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
	ABI: "[{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"InvalidField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"InvalidName\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"NameTaken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotProviderOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"UnknownProvider\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ProviderDeregistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"ProviderRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"ProviderUpdated\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_ENDPOINT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_METADATA_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_NAME_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SEALING_KEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"deregister\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"list\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"internalType\":\"structRegistry.Provider[]\",\"name\":\"out\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"lookup\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"internalType\":\"structRegistry.Provider\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"providerCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"sealingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint96\",\"name\":\"pricePerRequest\",\"type\":\"uint96\"},{\"internalType\":\"string\",\"name\":\"metadataCID\",\"type\":\"string\"}],\"name\":\"update\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "4c347eb73970d7ec769543769c0bfc3a9f",
	Bin: "0x6080604052348015600e575f5ffd5b50611bb88061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100b9575f3560e01c8063d520a17411610072578063e5f2226611610058578063e5f2226614610144578063e8868e9f1461014d578063f67187ac14610155575f5ffd5b8063d520a1741461011e578063e5b7afaa14610131575f5ffd5b806386074985116100a257806386074985146100f8578063c85d3eb014610100578063ca7a420b14610109575f5ffd5b806350fd7367146100bd57806374c83268146100e6575b5f5ffd5b6100d06100cb3660046113da565b610175565b6040516100dd91906114e8565b60405180910390f35b6002545b6040519081526020016100dd565b6100ea603f81565b6100ea61020081565b61011c6101173660046115ae565b610568565b005b61011c61012c3660046115ae565b61065e565b61011c61013f3660046116a0565b610947565b6100ea61080081565b6100ea608081565b6101686101633660046116a0565b610ac4565b6040516100dd91906116df565b6002546060908084106101885750610562565b5f836101948684611725565b106101a8576101a38486611738565b6101aa565b815b90506101b68582611725565b67ffffffffffffffff8111156101ce576101ce61174b565b60405190808252806020026020018201604052801561025a57816020015b6102476040518060c001604052805f73ffffffffffffffffffffffffffffffffffffffff1681526020015f6bffffffffffffffffffffffff168152602001606081526020016060815260200160608152602001606081525090565b8152602001906001900390816101ec5790505b509250845b8181101561055e575f5f6002838154811061027c5761027c611778565b5f91825260208083209091015483528281019390935260409182019020815160c081018352815473ffffffffffffffffffffffffffffffffffffffff811682526bffffffffffffffffffffffff74010000000000000000000000000000000000000000909104169381019390935260018101805491928401916102fe906117a5565b80601f016020809104026020016040519081016040528092919081815260200182805461032a906117a5565b80156103755780601f1061034c57610100808354040283529160200191610375565b820191905f5260205f20905b81548152906001019060200180831161035857829003601f168201915b5050505050815260200160028201805461038e906117a5565b80601f01602080910402602001604051908101604052809291908181526020018280546103ba906117a5565b80156104055780601f106103dc57610100808354040283529160200191610405565b820191905f5260205f20905b8154815290600101906020018083116103e857829003601f168201915b5050505050815260200160038201805461041e906117a5565b80601f016020809104026020016040519081016040528092919081815260200182805461044a906117a5565b80156104955780601f1061046c57610100808354040283529160200191610495565b820191905f5260205f20905b81548152906001019060200180831161047857829003601f168201915b505050505081526020016004820180546104ae906117a5565b80601f01602080910402602001604051908101604052809291908181526020018280546104da906117a5565b80156105255780601f106104fc57610100808354040283529160200191610525565b820191905f5260205f20905b81548152906001019060200180831161050857829003601f168201915b50505050508152505084878361053b9190611725565b8151811061054b5761054b611778565b602090810291909101015260010161025f565b5050505b92915050565b610576878787878686610e37565b5f6105818a8a610f94565b805473ffffffffffffffffffffffffffffffffffffffff16740100000000000000000000000000000000000000006bffffffffffffffffffffffff8716021781559050600281016105d3888a83611844565b50600381016105e3868883611844565b50600481016105f3838583611844565b503373ffffffffffffffffffffffffffffffffffffffff167f278ac103afcfe459034477bbf438d003cc0f8638aeced5de269c93103f0e63b08b8b8b8b8b8b8b8b8b60405161064a99989796959493929190611964565b60405180910390a250505050505050505050565b6106688989611084565b610676878787878686610e37565b5f89896040516106879291906119d8565b6040518091039020905060015f8281526020019081526020015f20545f1461070e575f81815260208190526040908190205490517f92c81d1c000000000000000000000000000000000000000000000000000000008152610705918c918c9173ffffffffffffffffffffffffffffffffffffffff16906004016119e7565b60405180910390fd5b60028054600181810183557f405787fa12a823e0f2b7631cc41b3ba8828b3321ca811111fa75cd3aa3bb5ace90910183905590545f838152602092835260409081902091909155805160c0810182523381526bffffffffffffffffffffffff8716818401528151601f8d0184900484028101840183528c81529092918301918d908d90819084018382808284375f92019190915250505090825250604080516020601f8c018190048102820181019092528a815291810191908b908b90819084018382808284375f92019190915250505090825250604080516020601f8a01819004810282018101909252888152918101919089908990819084018382808284375f92019190915250505090825250604080516020601f8701819004810282018101909252858152918101919086908690819084018382808284375f92018290525093909452505083815260208181526040918290208451918501516bffffffffffffffffffffffff16740100000000000000000000000000000000000000000273ffffffffffffffffffffffffffffffffffffffff9092169190911781559083015190915060018201906108c39082611a20565b50606082015160028201906108d89082611a20565b50608082015160038201906108ed9082611a20565b5060a082015160048201906109029082611a20565b50506040513391507ff243cd8c6711be60add0f814f298cd72e9399e2e557cccc8ba33d9a3381812fb9061064a908d908d908d908d908d908d908d908d908d90611964565b6109518282610f94565b505f82826040516109639291906119d8565b60408051918290039091205f81815260016020529190912054600254919250908082146109f2575f6002610998600184611725565b815481106109a8576109a8611778565b905f5260205f20015490508060026001856109c39190611725565b815481106109d3576109d3611778565b5f91825260208083209091019290925591825260019052604090208290555b6002805480610a0357610a03611af9565b5f828152602080822083015f1990810183905590920190925584825260018082526040808420849055918390529082208281559190610a4490830182611388565b610a51600283015f611388565b610a5e600383015f611388565b610a6b600483015f611388565b50503373ffffffffffffffffffffffffffffffffffffffff167fcc62e077eb7b67ade21d0520cfec2aa12b305dd90cc6cd4079336fa9492c514f8686604051610ab5929190611b26565b60405180910390a25050505050565b610b1f6040518060c001604052805f73ffffffffffffffffffffffffffffffffffffffff1681526020015f6bffffffffffffffffffffffff168152602001606081526020016060815260200160608152602001606081525090565b5f8383604051610b309291906119d8565b6040518091039020905060015f8281526020019081526020015f20545f03610b885783836040517fe82a1496000000000000000000000000000000000000000000000000000000008152600401610705929190611b26565b5f8181526020818152604091829020825160c081018452815473ffffffffffffffffffffffffffffffffffffffff811682527401000000000000000000000000000000000000000090046bffffffffffffffffffffffff16928101929092526001810180549293919291840191610bfe906117a5565b80601f0160208091040260200160405190810160405280929190818152602001828054610c2a906117a5565b8015610c755780601f10610c4c57610100808354040283529160200191610c75565b820191905f5260205f20905b815481529060010190602001808311610c5857829003601f168201915b50505050508152602001600282018054610c8e906117a5565b80601f0160208091040260200160405190810160405280929190818152602001828054610cba906117a5565b8015610d055780601f10610cdc57610100808354040283529160200191610d05565b820191905f5260205f20905b815481529060010190602001808311610ce857829003601f168201915b50505050508152602001600382018054610d1e906117a5565b80601f0160208091040260200160405190810160405280929190818152602001828054610d4a906117a5565b8015610d955780601f10610d6c57610100808354040283529160200191610d95565b820191905f5260205f20905b815481529060010190602001808311610d7857829003601f168201915b50505050508152602001600482018054610dae906117a5565b80601f0160208091040260200160405190810160405280929190818152602001828054610dda906117a5565b8015610e255780601f10610dfc57610100808354040283529160200191610e25565b820191905f5260205f20905b815481529060010190602001808311610e0857829003601f168201915b50505050508152505091505092915050565b841580610e45575061020085115b15610eac576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600860248201527f656e64706f696e740000000000000000000000000000000000000000000000006044820152606401610705565b821580610eba575061080083115b15610f21576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600a60248201527f7365616c696e674b6579000000000000000000000000000000000000000000006044820152606401610705565b6080811115610f8c576040517f2f0f75dd00000000000000000000000000000000000000000000000000000000815260206004820152600b60248201527f6d657461646174614349440000000000000000000000000000000000000000006044820152606401610705565b505050505050565b5f5f8383604051610fa69291906119d8565b6040518091039020905060015f8281526020019081526020015f20545f03610ffe5783836040517fe82a1496000000000000000000000000000000000000000000000000000000008152600401610705929190611b26565b5f818152602081905260409020805490925073ffffffffffffffffffffffffffffffffffffffff16331461107d5781546040517f5c84161c000000000000000000000000000000000000000000000000000000008152610705918691869173ffffffffffffffffffffffffffffffffffffffff16903390600401611b41565b5092915050565b8181808015806110945750603f81115b806110fb575082825f8181106110ac576110ac611778565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f2d00000000000000000000000000000000000000000000000000000000000000145b8061116c5750828261110e600184611725565b81811061111d5761111d611778565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f2d00000000000000000000000000000000000000000000000000000000000000145b156111a75784846040517f7f19f48d000000000000000000000000000000000000000000000000000000008152600401610705929190611b26565b5f5b81811015610f8c575f8484838181106111c4576111c4611778565b909101357fff00000000000000000000000000000000000000000000000000000000000000169150507f6100000000000000000000000000000000000000000000000000000000000000811080159061125f57507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821611155b806112f957507f30000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008216108015906112f957507f39000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821611155b8061134557507f2d000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008216145b61137f5786866040517f7f19f48d000000000000000000000000000000000000000000000000000000008152600401610705929190611b26565b506001016111a9565b508054611394906117a5565b5f825580601f106113a3575050565b601f0160209004905f5260205f20906113bc91906113be565b565b5f5b808211156113d5575f818401556001016113c0565b505050565b5f5f604083850312156113eb575f5ffd5b50508035926020909101359150565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b73ffffffffffffffffffffffffffffffffffffffff81511682526bffffffffffffffffffffffff60208201511660208301525f604082015160c0604085015261149260c08501826113fa565b9050606083015184820360608601526114ab82826113fa565b915050608083015184820360808601526114c582826113fa565b91505060a083015184820360a08601526114df82826113fa565b95945050505050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b8281101561155d577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc0878603018452611548858351611446565b9450602093840193919091019060010161150e565b50929695505050505050565b5f5f83601f840112611579575f5ffd5b50813567ffffffffffffffff811115611590575f5ffd5b6020830191508360208285010111156115a7575f5ffd5b9250929050565b5f5f5f5f5f5f5f5f5f60a08a8c0312156115c6575f5ffd5b893567ffffffffffffffff8111156115dc575f5ffd5b6115e88c828d01611569565b909a5098505060208a013567ffffffffffffffff811115611607575f5ffd5b6116138c828d01611569565b90985096505060408a013567ffffffffffffffff811115611632575f5ffd5b61163e8c828d01611569565b90965094505060608a01356bffffffffffffffffffffffff81168114611662575f5ffd5b925060808a013567ffffffffffffffff81111561167d575f5ffd5b6116898c828d01611569565b915080935050809150509295985092959850929598565b5f5f602083850312156116b1575f5ffd5b823567ffffffffffffffff8111156116c7575f5ffd5b6116d385828601611569565b90969095509350505050565b602081525f6116f16020830184611446565b9392505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b81810381811115610562576105626116f8565b80820180821115610562576105626116f8565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b600181811c908216806117b957607f821691505b6020821081036117f0577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f8211156113d557828211156113d557805f5260205f20601f840160051c602085101561182157505f5b90810190601f840160051c035f5b81811015610f8c575f8382015560010161182f565b67ffffffffffffffff83111561185c5761185c61174b565b6118708361186a83546117a5565b836117f6565b5f601f8411600181146118a1575f851561188a5750838201355b5f19600387901b1c1916600186901b178355611916565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b828110156118ee57868501358255602094850194600190920191016118ce565b508682101561190a575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b60a081525f61197760a083018b8d61191d565b828103602084015261198a818a8c61191d565b9050828103604084015261199f81888a61191d565b90506bffffffffffffffffffffffff8616606084015282810360808401526119c881858761191d565b9c9b505050505050505050505050565b818382375f9101908152919050565b604081525f6119fa60408301858761191d565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b815167ffffffffffffffff811115611a3a57611a3a61174b565b611a4e81611a4884546117a5565b846117f6565b6020601f821160018114611a80575f8315611a695750848201515b5f19600385901b1c1916600184901b178455611916565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b82811015611acd5787850151825560209485019460019092019101611aad565b5084821015611aea57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b602081525f611b3960208301848661191d565b949350505050565b606081525f611b5460608301868861191d565b73ffffffffffffffffffffffffffffffffffffffff948516602084015292909316604090910152939250505056fea26469706673582212205eb2196b42384eaa09e000c5484cd29f1ad613c170417b809fd3a96b1453264a64736f6c63430008250033",
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

// PackList is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50fd7367.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string)[] out)
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
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string)[] out)
func (registry *Registry) TryPackList(offset *big.Int, limit *big.Int) ([]byte, error) {
	return registry.abi.Pack("list", offset, limit)
}

// UnpackList is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x50fd7367.
//
// Solidity: function list(uint256 offset, uint256 limit) view returns((address,uint96,string,string,bytes,string)[] out)
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
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string))
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
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string))
func (registry *Registry) TryPackLookup(name string) ([]byte, error) {
	return registry.abi.Pack("lookup", name)
}

// UnpackLookup is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf67187ac.
//
// Solidity: function lookup(string name) view returns((address,uint96,string,string,bytes,string))
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

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd520a174.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) returns()
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
// Solidity: function register(string name, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID) returns()
func (registry *Registry) TryPackRegister(name string, endpoint string, sealingKey []byte, pricePerRequest *big.Int, metadataCID string) ([]byte, error) {
	return registry.abi.Pack("register", name, endpoint, sealingKey, pricePerRequest, metadataCID)
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

// RegistryProviderRegistered represents a ProviderRegistered event raised by the Registry contract.
type RegistryProviderRegistered struct {
	Name            string
	Owner           common.Address
	Endpoint        string
	SealingKey      []byte
	PricePerRequest *big.Int
	MetadataCID     string
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
// Solidity: event ProviderRegistered(string name, address indexed owner, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID)
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

// RegistryProviderUpdated represents a ProviderUpdated event raised by the Registry contract.
type RegistryProviderUpdated struct {
	Name            string
	Owner           common.Address
	Endpoint        string
	SealingKey      []byte
	PricePerRequest *big.Int
	MetadataCID     string
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
// Solidity: event ProviderUpdated(string name, address indexed owner, string endpoint, bytes sealingKey, uint96 pricePerRequest, string metadataCID)
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
	if bytes.Equal(raw[:4], registry.abi.Errors["NotProviderOwner"].ID.Bytes()[:4]) {
		return registry.UnpackNotProviderOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownProvider"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownProviderError(raw[4:])
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
