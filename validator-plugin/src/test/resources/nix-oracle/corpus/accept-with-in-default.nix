{ a ? with {}; b }: a
