"""dyadline.analytics"""
