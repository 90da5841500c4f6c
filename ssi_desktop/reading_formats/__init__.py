"""The forms an official reading arrives in: LinkedIn's SSI page copied as text, the JSON the
page loads, and a readings CSV file.

Pure parsing: no Qt, no database, no clock. The CLI and the window turn what is parsed here
into stored readings through store/readings.py.
"""
