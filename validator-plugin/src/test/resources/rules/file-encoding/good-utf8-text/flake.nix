{
  # Grüße, 日本語, emoji 🎉
  description = "café \\0 ok";
  outputs = { self }: { };
}
