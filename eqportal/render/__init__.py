"""Turning content text into safe HTML: Markdown bodies, sanitising, accessible tables."""
