a/b/
