package lambdaapi_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/export/lambdaapi"
)

// A runtime written by hand against the API: it takes invocations, answers
// the first, fails the second, and gives the third an unknown id.
func TestRuntimeAPI(t *testing.T) {
	api := lambdaapi.New()
	hs := httptest.NewServer(api.Handler())
	defer hs.Close()
	base := hs.URL + "/2018-06-01/runtime"
	runtime := func(answer func(id string, event []byte)) {
		resp, err := http.Get(base + "/invocation/next")
		if err != nil {
			t.Error(err)
			return
		}
		event, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		ms := resp.Header.Get("Lambda-Runtime-Deadline-Ms")
		if ms == "" || resp.Header.Get("Lambda-Runtime-Invoked-Function-Arn") == "" {
			t.Errorf("invocation headers %v", resp.Header)
		}
		answer(resp.Header.Get("Lambda-Runtime-Aws-Request-Id"), event)
	}
	post := func(path, body string, hdr ...string) int {
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		if len(hdr) == 2 {
			req.Header.Set(hdr[0], hdr[1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	go runtime(func(id string, event []byte) {
		if st := post("/invocation/"+id+"/response", `{"echo":`+string(event)+`}`); st != http.StatusAccepted {
			t.Errorf("response: %d", st)
		}
	})
	res, err := api.Invoke(context.Background(), []byte(`"one"`), 5*time.Second)
	if err != nil || res.ErrorType != "" || string(res.Payload) != `{"echo":"one"}` {
		t.Fatalf("%+v %v", res, err)
	}

	go runtime(func(id string, _ []byte) {
		post("/invocation/"+id+"/error", `{"errorMessage":"boom","errorType":"Handler.Boom"}`, "Lambda-Runtime-Function-Error-Type", "Handler.Boom")
	})
	res, err = api.Invoke(context.Background(), []byte(`"two"`), 5*time.Second)
	if err != nil || res.ErrorType != "Handler.Boom" {
		t.Fatalf("%+v %v", res, err)
	}

	go runtime(func(id string, _ []byte) {
		if st := post("/invocation/not-"+id+"/response", `{}`); st != http.StatusBadRequest {
			t.Errorf("unknown id: %d", st)
		}
	})
	if _, err := api.Invoke(context.Background(), []byte(`"three"`), 300*time.Millisecond); !errors.Is(err, lambdaapi.ErrTimeout) {
		t.Fatalf("unanswered invocation: %v", err)
	}
	if api.Polls() != 3 {
		t.Fatalf("%d polls", api.Polls())
	}

	// A failed start fails the invocations after it.
	if st := post("/init/error", `{"errorMessage":"bad","errorType":"Runtime.InitError"}`, "Lambda-Runtime-Function-Error-Type", "Runtime.InitError"); st != http.StatusAccepted {
		t.Fatalf("init error: %d", st)
	}
	if res, err := api.Invoke(context.Background(), []byte(`"four"`), time.Second); !errors.Is(err, lambdaapi.ErrInit) || res.ErrorType != "Runtime.InitError" {
		t.Fatalf("after init error: %+v %v", res, err)
	}
}
