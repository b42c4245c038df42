<a b>
