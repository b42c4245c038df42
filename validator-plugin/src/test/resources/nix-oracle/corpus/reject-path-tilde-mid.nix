./a~b
