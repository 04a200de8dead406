"""dyadline.events"""
