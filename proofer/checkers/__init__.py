"""One checker per module; `registry` builds them."""
