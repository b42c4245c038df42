http://a.b/c#frag
