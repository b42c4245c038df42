{ a ? b: b }: a
