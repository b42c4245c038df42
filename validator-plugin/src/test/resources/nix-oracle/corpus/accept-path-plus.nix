./a+b
