"a
b"
