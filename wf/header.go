package wf

// HTTP headers of the WebFunctions protocol, in the spelling the docs use
// (net/http canonicalizes them: "X-WF-Price" is sent as "X-Wf-Price").
const (
	// VoucherHeader carries a caller's signed voucher and its session
	// key's signature over the request (caller-pays): unpadded base64url
	// JSON, see package payment/voucher.
	VoucherHeader = "X-WF-Voucher"
	// PriceHeader is on every invocation response of a paid provider,
	// charged or not: the price of a request in token base units, a
	// decimal integer (USDC has 6 decimals: 100 is 0.0001 USDC).
	PriceHeader = "X-WF-Price"
	// ReceiptHeader is on every charged response: the provider's signed
	// receipt, see payment.EncodeReceipt.
	ReceiptHeader = "X-WF-Receipt"
	// DurationHeader is on a provider's invocation responses: the run's
	// wall time, e.g. "1.234ms".
	DurationHeader = "X-WF-Duration"
	// RouteHeader is on a gateway's responses: which provider answered,
	// through what, and why ("provider=alice; via=tunnel; reason=named;
	// attempt=1"). A gateway drops one a caller sends.
	RouteHeader = "X-WF-Route"
	// HopsHeader counts the gateways a request went through, so two
	// gateways that point at each other cannot bounce it forever.
	HopsHeader = "X-WF-Hops"
	// RequestIDHeader is on every provider and gateway response: the
	// RequestID that tags the request's log lines.
	RequestIDHeader = "X-Request-Id"
	// HeaderPrefix is the canonical form of the prefix every X-WF-*
	// header has once net/http canonicalized it. A function's response
	// cannot set headers with it.
	HeaderPrefix = "X-Wf-"
)

// Verified execution (docs/verification.md).
const (
	// VerifyHeader on a request to a gateway asks for k-of-k agreement:
	// "2" runs it on two providers with distinct registered owners and
	// answers only if their ResponseHashes agree.
	VerifyHeader = "X-WF-Verify"
	// AttestHeader on a request to a provider ("1") asks it to sign a
	// result receipt for its answer, in ResultHeader.
	AttestHeader = "X-WF-Attest"
	// ResultHeader on a provider's answer is its signed result receipt:
	// "req=<RequestHash>; resp=<ResponseHash>; sig=<signature>", see
	// chain.ResultReceipt.
	ResultHeader = "X-WF-Result"
	// VerifiedHeader on a gateway's verified answer says who agreed:
	// "k=2; response=<ResponseHash>; providers=alpha,beta".
	VerifiedHeader = "X-WF-Verified"
)
