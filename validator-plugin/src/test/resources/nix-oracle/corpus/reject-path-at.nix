./a@b
