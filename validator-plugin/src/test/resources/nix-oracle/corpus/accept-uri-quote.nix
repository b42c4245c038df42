a:'b'
