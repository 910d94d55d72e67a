"""`svrules serve`: a local web page for people who do not use a terminal.

The page runs the same pipeline as `svrules check` (review.py) on uploaded or pasted tenders,
asks for the facts the text does not give, and offers the reviewed Word copy and the reports
for download. Nothing is kept: each request's files live in a temporary folder removed before
the response is sent, and a later request (a corrected fact, a download) sends the document
again from the page itself.
"""
