package sim

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A chain kept in a directory resumes where it stopped: the same
// contracts, the escrow's deposits and approvals, balances and the block
// height; it deploys and mints nothing again, and takes transactions at
// once (the nonces are the chain's).
func TestChainResumesFromDir(t *testing.T) {
	dir := t.TempDir()
	ctx := testCtx(t)
	open := func() *Chain {
		t.Helper()
		c, err := New(ctx, Options{Accounts: 3, Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := open()
	if c.Resumed() {
		t.Fatal("a new directory resumed")
	}
	payer, prov := c.Accounts()[1], c.Accounts()[2]
	p := c.Client(payer)
	if _, err := p.Deposit(ctx, big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Approve(ctx, prov.Address(), big.NewInt(1000), big.NewInt(2_000_000)); err != nil {
		t.Fatal(err)
	}
	if err := c.AdjustTime(time.Hour); err != nil { // the last block made by AdjustTime
		t.Fatal(err)
	}
	height, err := c.Backend().BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	contracts := c.Contracts()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c = open()
	defer c.Close()
	if !c.Resumed() || c.Contracts() != contracts {
		t.Fatalf("resumed %v with contracts %+v, want %+v", c.Resumed(), c.Contracts(), contracts)
	}
	if h, err := c.Backend().BlockNumber(ctx); err != nil || h != height {
		t.Fatalf("height %d (%v), want %d", h, err, height)
	}
	acct, err := c.Client(nil).Account(ctx, payer.Address())
	if err != nil || acct.Balance.Cmp(big.NewInt(5_000_000)) != 0 {
		t.Fatalf("escrow after a restart: %+v %v", acct, err)
	}
	al, err := c.Client(nil).Allowance(ctx, payer.Address(), prov.Address())
	if err != nil || al.Budget.Cmp(big.NewInt(2_000_000)) != 0 {
		t.Fatalf("approval after a restart: %+v %v", al, err)
	}
	// Minted once: 1,000,000 USDC less the deposit.
	if bal, err := c.Client(nil).TokenBalance(ctx, payer.Address()); err != nil || bal.Cmp(big.NewInt(1_000_000_000_000-5_000_000)) != 0 {
		t.Fatalf("USDC after a restart: %v %v", bal, err)
	}
	if _, err := c.Client(payer).Deposit(ctx, big.NewInt(1)); err != nil {
		t.Fatalf("a transaction after a restart: %v", err)
	}
}

// A directory whose database is gone (or of another chain) is refused
// with what to do, not resumed into a chain without its contracts.
func TestChainDirWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	ctx := testCtx(t)
	c, err := New(ctx, Options{Accounts: 2, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if err := os.RemoveAll(filepath.Join(dir, "chain")); err != nil {
		t.Fatal(err)
	}
	_, err = New(ctx, Options{Accounts: 2, Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "remove the directory") {
		t.Fatalf("got %v", err)
	}
}

// A chain whose process is killed (SIGKILL, no Close) resumes at the
// newest block its database wrote, says how many it lost, and takes
// transactions.
func TestChainResumesAfterKill(t *testing.T) {
	if dir := os.Getenv("WF_SIM_KILL_DIR"); dir != "" {
		killedChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChainResumesAfterKill$")
	cmd.Env = append(os.Environ(), "WF_SIM_KILL_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var height uint64
	if _, err := fmt.Fscanf(out, "height %d\n", &height); err != nil {
		cmd.Process.Kill()
		t.Fatalf("the child chain: %v", err)
	}
	cmd.Process.Kill() // SIGKILL
	cmd.Wait()

	ctx := testCtx(t)
	c, err := New(ctx, Options{Accounts: 2, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := c.Backend().BlockNumber(ctx)
	if err != nil || !c.Resumed() || got+uint64(c.LostBlocks()) != height {
		t.Fatalf("resumed %v at block %d having lost %d (%v); the killed chain was at %d", c.Resumed(), got, c.LostBlocks(), err, height)
	}
	t.Logf("killed at block %d, resumed at %d", height, got)
	if _, err := c.Client(c.Accounts()[1]).Deposit(ctx, big.NewInt(1)); err != nil {
		t.Fatalf("a transaction after the restart: %v", err)
	}
}

// killedChild runs a chain in dir, makes a few blocks, prints its height
// and waits to be killed.
func killedChild(dir string) {
	ctx := context.Background()
	c, err := New(ctx, Options{Accounts: 2, Dir: dir})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for range 5 {
		if _, err := c.Client(c.Accounts()[1]).Deposit(ctx, big.NewInt(1)); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
	}
	h, _ := c.Backend().BlockNumber(ctx)
	fmt.Printf("height %d\n", h)
	select {}
}
