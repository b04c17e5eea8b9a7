"""Media: each upload scrubbed before it is stored, and served only once a view allows it."""
