"""dyadline.serve"""
