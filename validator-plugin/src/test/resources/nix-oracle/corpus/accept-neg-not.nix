let a = true; in - !a
