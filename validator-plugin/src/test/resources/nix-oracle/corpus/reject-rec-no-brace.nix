rec
