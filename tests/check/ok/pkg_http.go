package main

import (
	"fmt"
	"net/http"
)

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s %s\n", r.Method, r.URL.Path)
}

func main() {
	http.HandleFunc("/", hello)
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		fmt.Fprintln(w, "x", r.RemoteAddr)
	})
	fmt.Println("registered")
}
