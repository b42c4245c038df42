{
  outputs = { self }: { lib.answer = 42; };
}
