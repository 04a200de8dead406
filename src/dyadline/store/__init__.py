"""dyadline.store"""
