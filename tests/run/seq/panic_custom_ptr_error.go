package main

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid field " + e.Field }

func validate() error { return &ValidationError{"name"} }

func main() {
	if err := validate(); err != nil {
		panic(err)
	}
}
