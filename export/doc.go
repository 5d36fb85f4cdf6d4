// Package export turns a deployed function into artifacts that run on
// other clouds: an AWS Lambda custom runtime (a zip holding bootstrap), a
// Google Cloud Run container image (an OCI image tarball, made without
// Docker), and a Vercel Build Output API directory. See docs/portability.md.
//
// Every target runs the same program, the runner (cmd/wf-runner): a static
// Linux binary that links the sandbox, the js runtime's engine and this
// package, but no chain client, payments or stores. wf export appends the
// function to a copy of it (Embed): a CAR v1 holding the signed spec block
// and the code DAG, then a trailer (the CAR's length and a magic). At
// start the runner reads its own executable (Extract), checks every block
// against its CID, the code DAG for completeness, the spec's signature and
// extensions (Load), compiles the module once, and then serves:
//
//   - with AWS_LAMBDA_RUNTIME_API set (Lambda's provided.al2023, and
//     Vercel, whose functions are Lambda functions), it speaks the Lambda
//     Runtime API (Lambda): Function URL and API Gateway HTTP API (payload
//     2.0) events, and Vercel's proxy events, become HTTP requests for the
//     function, the invocation's deadline its timeout;
//   - otherwise it listens on $PORT (default 8080), Cloud Run's container
//     contract.
//
// Exported functions run unpaid (the cloud bills its customer) and
// without the provider's access wrappers (wf.callers limits who pays, and
// nobody does). They keep their address: every answer carries the
// function's CID in X-WF-Function, and the runner refuses to start when
// the spec's signature does not verify. Sealed functions are refused: their
// secrets open only on the providers they were sealed to.
package export
