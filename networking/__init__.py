"""Organizations, opportunities, bookings, messages and matching (issue 4)."""
