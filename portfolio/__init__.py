"""Consultants' Wagtail pages, the visibility policy, the directory and feeds (issue 3)."""
