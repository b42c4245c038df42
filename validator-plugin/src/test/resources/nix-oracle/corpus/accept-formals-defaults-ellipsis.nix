{ a, b ? a + 1, c ? d, d ? 0, ... }: [ a b c d ]
