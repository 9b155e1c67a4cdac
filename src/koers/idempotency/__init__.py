"""Creates that happen once: a form or API call sent twice (a double click, a retry after a
time-out) gives the first result again instead of a second record."""
