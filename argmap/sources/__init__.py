"""Source texts (the files a map's sources name) and finding quotes in them."""
