x:./a
