"""Organizations, opportunities, bookings, messages and matching."""
