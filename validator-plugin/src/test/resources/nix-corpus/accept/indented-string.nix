''
  line one
    indented ${"x"}
  ''$ '''  ''\t
''
