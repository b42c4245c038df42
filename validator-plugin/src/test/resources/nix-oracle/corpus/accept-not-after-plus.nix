let a = true; in a + !a
