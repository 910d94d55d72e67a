"""Extract stage: plain Python that turns a Document's text into facts the rules can match."""
