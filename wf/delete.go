package wf

// DeleteRequest asks the provider whose address is Provider to delete
// function Function (DELETE /v1/functions/{cid}): its spec block, the
// blocks no other stored spec uses, and its compiled code. The function's
// owner signs it; it is good until Expires (Unix seconds), at one
// provider only, like LogsRequest, and a different EIP-712 type, so a
// log-read signature never deletes:
//
//	DeleteFunction(string function,address provider,uint64 expires)
type DeleteRequest struct {
	Function CID
	Provider Address
	Expires  int64
}

func (DeleteRequest) message() {}
