"""dyadline.ingest"""
