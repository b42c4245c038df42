''
  a '''quoted''' ''${not} ''\n ''\t $x ${"interp"}
  '$
''
