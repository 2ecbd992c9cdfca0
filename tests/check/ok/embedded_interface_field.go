package main

import (
	"fmt"
	"sync"
)

type Logger interface{ Log(string) }

type stdout struct{ prefix string }

func (s stdout) Log(m string) { fmt.Println(s.prefix + m) }

type Service struct {
	Logger
	sync.Mutex
	name string
}

func (s *Service) Run() {
	s.Lock()
	defer s.Unlock()
	s.Log("running " + s.name)
}

func main() {
	s := &Service{Logger: stdout{"[svc] "}, name: "api"}
	s.Run()
	var l Logger = s
	l.Log("as logger")
}
