git+ssh://a
