package main

import (
	"fmt"
	"net/http"
)

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s\n", r.RemoteAddr)
}

func main() {
	http.HandleFunc("/", hello)
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "x from %s\n", r.RemoteAddr)
	})
	fmt.Println("registered")
}
