"""Name, title and organisation dictionaries: storage, matching, admin."""
