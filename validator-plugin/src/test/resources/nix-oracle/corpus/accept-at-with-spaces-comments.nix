args /* c */ @ # d
 { a }: a
