"""Consultants' Wagtail pages, the Viewer that decides who sees them, the directory and feeds."""
