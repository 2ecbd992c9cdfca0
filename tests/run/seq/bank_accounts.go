package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	balance int
	history []string
}

func (a *Account) Deposit(n int) {
	a.balance += n
	a.history = append(a.history, fmt.Sprintf("+%d", n))
}

func (a *Account) Withdraw(n int) error {
	if n > a.balance {
		return fmt.Errorf("withdraw %d from %s: %w", n, a.Owner, ErrInsufficient)
	}
	a.balance -= n
	a.history = append(a.history, fmt.Sprintf("-%d", n))
	return nil
}

func Transfer(from, to *Account, n int) error {
	if err := from.Withdraw(n); err != nil {
		return err
	}
	to.Deposit(n)
	return nil
}

func (a Account) String() string { return fmt.Sprintf("%s: %d %v", a.Owner, a.balance, a.history) }

func main() {
	alice := &Account{Owner: "alice"}
	bob := &Account{Owner: "bob"}
	alice.Deposit(100)
	fmt.Println(Transfer(alice, bob, 30))
	err := Transfer(bob, alice, 50)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
	fmt.Println(alice)
	fmt.Println(*bob)
}
