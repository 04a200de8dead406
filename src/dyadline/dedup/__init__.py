"""dyadline.dedup"""
