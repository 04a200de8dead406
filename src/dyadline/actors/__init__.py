"""dyadline.actors"""
